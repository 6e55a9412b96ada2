/**
 * The shell's security checklist (Electron's own, as it applies to a local single-page app),
 * checked against what the shell really configures: the window's web preferences, the CSP, the
 * guards on every web contents and the session's permission handlers.
 */
import type { App, Session, WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, parsePolicy } from '../../main/core/content-security-policy.ts';
import {
  guardWebContents,
  hardenSession,
  registerWebContentsGuards,
} from '../../main/desktop/web-security.ts';
import { ensureRendererBuilt, rendererOutDir } from '../../main/web/renderer-build.ts';
import { createAppWindows, secureWebPreferences } from '../../main/desktop/window.ts';
import { app, FakeBrowserWindow, FakeSession, FakeWebContents } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const appPageUrl = 'file:///opt/earshot/out/renderer/index.html';
const paths = {
  preload: '/opt/earshot/out/preload/index.cjs',
  rendererIndex: '/opt/earshot/out/renderer/index.html',
  rendererUrl: appPageUrl,
  windowIcon: undefined,
};

describe('BrowserWindow webPreferences', () => {
  beforeEach(() => {
    FakeBrowserWindow.created.length = 0;
  });

  it('are the secure ones, and are what the app window is created with', () => {
    const windows = createAppWindows({ paths, log: () => undefined });
    windows.open();
    const [window] = FakeBrowserWindow.created;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual(secureWebPreferences(paths.preload));
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: paths.preload,
    });
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(window.loadedFile).toBe(paths.rendererIndex);
  });

  it('opens one window: a second open focuses it', () => {
    const windows = createAppWindows({ paths, log: () => undefined });
    expect(windows.open()).toBe(windows.open());
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });
});

describe('Content Security Policy', () => {
  const policy = parsePolicy(contentSecurityPolicy);

  it("runs the app's own scripts only: script-src 'self', no eval, no inline", () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*\s*;/);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no plugins, frames, form posts or base-URL changes', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('loads images from the page and Spotify’s album-art host only, no wildcard', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'https://i.scdn.co']);
  });

  it('is not left to a webRequest header hook, which file:// pages never pass through', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    expect(session.headersListener).toBeUndefined();
    expect(session.permissionCheck?.()).toBe(false);
  });

  it("is the built page's first <meta> after its charset: the whole policy the window gets", async () => {
    await ensureRendererBuilt();
    const html = readFileSync(join(rendererOutDir, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta).not.toBeNull();
    // Before anything it governs: no script, style or icon is fetched ahead of it.
    const firstResource = html.search(/<(script|link)\b/);
    expect(meta!.index).toBeLessThan(firstResource);
    expect(html.slice(0, meta!.index)).toMatch(/<meta charset="UTF-8" \/>\s*$/);
    // Every directive but frame-ancestors, which browsers ignore in a <meta> tag.
    const expected = new Map(parsePolicy(contentSecurityPolicy));
    expected.delete('frame-ancestors');
    expect(parsePolicy(meta![1])).toEqual(expected);
  }, 120_000);
});

describe('navigation and new windows', () => {
  const openExternal = vi.fn(() => Promise.resolve());
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents, {
    app: app as unknown as App,
    openExternal,
    log: () => undefined,
  });

  beforeEach(() => openExternal.mockClear());

  it('denies every new window, opening Spotify links in the system browser', () => {
    expect(contents.windowOpenHandler!({ url: 'https://open.spotify.com/track/x' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://open.spotify.com/track/x');
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it.each(['will-navigate', 'will-redirect'])('prevents %s, wherever it leads', (name) => {
    for (const url of [appPageUrl, 'https://evil.example/', 'javascript:alert(1)']) {
      const event = { url, preventDefault: vi.fn() };
      contents.emit(name, event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents <webview> tags from attaching', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('guards every web contents the app creates', () => {
    registerWebContentsGuards({ app: app as unknown as App, openExternal, log: () => undefined });
    const created = new FakeWebContents();
    app.emit('web-contents-created', {}, created);
    expect(created.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'denies a request for %s',
    async (permission) => {
      const session = new FakeSession();
      hardenSession(session as unknown as Session);
      const granted = await new Promise<boolean>((resolve) =>
        session.permissionRequest!({}, permission, resolve),
      );
      expect(granted).toBe(false);
      expect(session.permissionCheck!({}, permission, appPageUrl, {})).toBe(false);
      expect(session.devicePermission!({ deviceType: 'usb' })).toBe(false);
    },
  );
});
