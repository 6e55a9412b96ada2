/**
 * Bundled by desktop-bridge.ts and injected into the page before its scripts run: the desktop
 * preload's `window.earshot`, played by the renderer tests' in-memory fakes, so the browser
 * renders what only the desktop window has (Spotify and model settings, Refresh data). The
 * fakes stay reachable as `window.fakeDesktop` for the spec to drive.
 */
import { FakeDesktop } from '../../renderer/fake-desktop-api.ts';
import { FakeEarshot } from '../../renderer/fake-earshot-api.ts';

const earshot = new FakeEarshot(30);
// These specs start on a round: the first run's taste start counts as skipped.
earshot.taste = { ...earshot.taste, skipped: true };
const desktop = new FakeDesktop(earshot);
Object.assign(globalThis, { earshot: desktop.bridge(), fakeDesktop: { earshot, desktop } });
