import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  isAppPageUrl,
  safeExternalUrl,
} from '../../main/desktop/navigation-guard.ts';

const appPage = 'file:///opt/Earshot/resources/app.asar/out/renderer/index.html';

describe('safeExternalUrl', () => {
  it('lets Spotify web player links through, normalised', () => {
    expect(safeExternalUrl('https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC')).toBe(
      'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    );
    expect(safeExternalUrl('https://open.spotify.com/search/Heroes%20Bowie')).toBe(
      'https://open.spotify.com/search/Heroes%20Bowie',
    );
    expect(safeExternalUrl('HTTPS://OPEN.SPOTIFY.COM/track/x')).toBe(
      'https://open.spotify.com/track/x',
    );
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: disguised', ' JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['plain http', 'http://open.spotify.com/track/x'],
    ['loopback on another port', 'http://127.0.0.1:8080/'],
    ['loopback https', 'https://127.0.0.1/'],
    ['another site', 'https://evil.example/'],
    ['a lookalike suffix', 'https://open.spotify.com.evil.example/track/x'],
    ['a lookalike prefix', 'https://evilopen.spotify.com/'],
    ['a sibling host', 'https://accounts.spotify.com/authorize'],
    ['the trailing-dot form', 'https://open.spotify.com./track/x'],
    ['user and password', 'https://user:pass@open.spotify.com/track/x'],
    ['a user name only', 'https://open.spotify.com@evil.example/'],
    ['credentials hiding the host', 'https://open.spotify.com:443@evil.example/'],
    ['a non-default port', 'https://open.spotify.com:8443/track/x'],
    ['a punycode lookalike', 'https://xn--pen-spotify-0pb.com/'],
    ['a spotify: URI', 'spotify:track:4uLU6hMCjMI75M1A2tKUQC'],
    ['a relative URL', '/track/x'],
    ['garbage', 'not a url at all'],
    ['an empty string', ''],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
  ])('refuses %s', (_name, url) => {
    expect(safeExternalUrl(url)).toBeNull();
    expect(decideNavigation(url)).toEqual({ action: 'deny' });
  });

  it('hands the browser the parsed form, not the text it was given', () => {
    // WHATWG parsers read "\" as "/" in https URLs: the host really is open.spotify.com.
    expect(safeExternalUrl('https://open.spotify.com\\@evil.example/')).toBe(
      'https://open.spotify.com/@evil.example/',
    );
  });
});

describe('decideNavigation', () => {
  it('opens Spotify in the system browser and never in the window', () => {
    expect(decideNavigation('https://open.spotify.com/track/x')).toEqual({
      action: 'open-external',
      url: 'https://open.spotify.com/track/x',
    });
  });

  it('denies even the app page itself: the window never navigates', () => {
    expect(decideNavigation(appPage)).toEqual({ action: 'deny' });
  });
});

describe('isAppPageUrl', () => {
  it('accepts the app page with any query or fragment', () => {
    expect(isAppPageUrl(appPage, appPage)).toBe(true);
    expect(isAppPageUrl(`${appPage}#/results`, appPage)).toBe(true);
    expect(isAppPageUrl(`${appPage}?x=1`, appPage)).toBe(true);
  });

  it.each([
    ['another file', 'file:///etc/passwd'],
    ['a sibling page', 'file:///opt/Earshot/resources/app.asar/out/renderer/other.html'],
    ['a path trick', 'file:///opt/Earshot/resources/app.asar/out/renderer/../../x/index.html'],
    [
      'a remote file host',
      'file://evil.example/opt/Earshot/resources/app.asar/out/renderer/index.html',
    ],
    ['http loopback', 'http://127.0.0.1:5173/index.html'],
    ['the devtools', 'devtools://devtools/bundled/inspector.html'],
    ['about:blank', 'about:blank'],
    ['garbage', '::'],
  ])('refuses %s', (_name, url) => {
    expect(isAppPageUrl(url, appPage)).toBe(false);
  });
});
