/**
 * What the window may open. The app is one page, so it never navigates: every navigation and
 * every new window is denied, and only a plain https link to Spotify's web player ("Open in
 * Spotify") is handed to the system browser. Pure functions, so hostile URLs are tested here.
 */

/** Hosts whose https links go to the system browser. Exact names: no suffix matching. */
const externalHosts: ReadonlySet<string> = new Set(['open.spotify.com']);

/**
 * The URL to give the system browser, or `null` when `raw` is not a safe external link: it must
 * parse, be https on the default port, carry no user name or password, and name an allowed host
 * exactly. The returned text is the parser's normalised form, so the browser opens exactly what
 * was checked, not a differently-read variant of the original text.
 */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  if (!externalHosts.has(url.hostname)) return null;
  return url.href;
}

/**
 * Whether `raw` is the app's own page (`appPageUrl`, a file:// URL), ignoring only the query and
 * fragment, which a single-page app may change without leaving the page.
 */
export function isAppPageUrl(raw: string, appPageUrl: string): boolean {
  let url: URL;
  let page: URL;
  try {
    url = new URL(raw);
    page = new URL(appPageUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || page.protocol !== 'file:') return false;
  return url.host === page.host && url.pathname === page.pathname;
}

export type NavigationDecision =
  { readonly action: 'deny' } | { readonly action: 'open-external'; readonly url: string };

/** For `will-navigate` and `setWindowOpenHandler`: the window itself never goes anywhere. */
export function decideNavigation(raw: string): NavigationDecision {
  const external = safeExternalUrl(raw);
  return external === null ? { action: 'deny' } : { action: 'open-external', url: external };
}
