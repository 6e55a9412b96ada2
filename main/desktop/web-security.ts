import type { App, Session, WebContents } from 'electron';
import type { Log } from './log.ts';
import { decideNavigation } from './navigation-guard.ts';

export interface WebSecurityDeps {
  readonly app: Pick<App, 'on'>;
  /** `shell.openExternal`: the system browser. */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: Log;
}

function openOutside(url: string, deps: WebSecurityDeps): void {
  const decision = decideNavigation(url);
  if (decision.action === 'open-external') {
    deps
      .openExternal(decision.url)
      .catch((error: unknown) => deps.log(`cannot open ${decision.url}`, error));
  } else {
    deps.log(`blocked navigation to ${url.slice(0, 200)}`);
  }
}

/**
 * Every web contents the app ever creates: no new windows, no navigation, no <webview>. A link
 * to Spotify's web player opens in the system browser instead; anything else is dropped.
 */
export function guardWebContents(contents: WebContents, deps: WebSecurityDeps): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, deps);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openOutside(event.url, deps);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function registerWebContentsGuards(deps: WebSecurityDeps): void {
  deps.app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}

/**
 * The session the window uses: every permission (camera, microphone, notifications, USB, HID,
 * serial…) refused.
 *
 * The Content Security Policy is not set here: the window loads a file:// page, which never
 * passes through `webRequest` (its header hooks see http(s) only), so a header added there would
 * protect nothing. The policy is the built page's own <meta> tag (vite.config.ts), the first
 * element after its charset.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
