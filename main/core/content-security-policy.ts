/**
 * The page's Content Security Policy, one for every face: only the app's own scripts and
 * styles, no eval, no inline code, no plugins, no frames, no forms; cover art from i.scdn.co
 * alone, where Spotify serves album images (a cover anywhere else is blocked and the card
 * draws its placeholder); API calls and the event stream to its own origin. The build writes
 * it into the page as a <meta> tag (vite.config.ts), which file:// pages in Electron rely on;
 * the shell and `earshot serve` also send it as a response header (where `frame-ancestors`
 * counts).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https://i.scdn.co",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The directives of a policy by name, for checks: `{ 'script-src': ["'self'"], … }`. */
export function parsePolicy(policy: string): ReadonlyMap<string, readonly string[]> {
  const directives = new Map<string, readonly string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '' && !directives.has(name))
      directives.set(name.toLowerCase(), values);
  }
  return directives;
}
