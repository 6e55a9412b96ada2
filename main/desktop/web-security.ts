import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../core/content-security-policy.ts';
import type { Log } from './log.ts';
import { decideNavigation, isAppPageUrl } from './navigation-guard.ts';

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
 * serial…) refused, and the CSP header added to the app's own page.
 */
export function hardenSession(session: Session, appPageUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' || !isAppPageUrl(details.url, appPageUrl)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
}
