import { afterEach, describe, expect, it } from 'vitest';
import { createWindowState } from '../../renderer/src/lib/state/window-state.ts';
import type { WindowState } from '../../renderer/src/lib/state/window-state.ts';
import { FakeDesktop } from './fake-desktop-api.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

const windows: WindowState[] = [];
afterEach(() => {
  for (const { session, settings, refresh } of windows.splice(0)) {
    session.dispose();
    settings.dispose();
    refresh.dispose();
  }
});

/** The desktop window's state over a fake Earshot with `catalogSize` songs, first round dealt. */
async function openWindow(catalogSize = 20) {
  const earshot = new FakeEarshot(catalogSize);
  const desktop = new FakeDesktop(earshot);
  const window = createWindowState(earshot.api, desktop.api);
  windows.push(window);
  await window.session.start();
  await window.settings.open();
  return { earshot, desktop, ...window };
}

const cardCount = (window: WindowState) => window.session.round?.cards.length ?? 0;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const preferences = {
  songsToRate: '7',
  recommendations: '3',
  strategy: 'random',
  diversity: '0.1',
} as const;

describe('the window: Settings reshape the rating round', () => {
  it('deals an untouched round again with the new number of songs', async () => {
    const window = await openWindow();
    expect(cardCount(window)).toBe(5);
    await window.settings.savePreferences(preferences);
    await settle();
    expect(window.session.view).toBe('rating');
    expect(cardCount(window)).toBe(7);
  });

  it('keeps a round with stars, and says the next round will follow', async () => {
    const window = await openWindow();
    window.session.rate(1, 4);
    await window.settings.savePreferences(preferences);
    await settle();
    expect(cardCount(window)).toBe(5);
    expect(window.session.round?.cards[0]?.stars).toBe(4);
    expect(window.session.notice).toBe('Your next round will have 7 songs.');
  });

  it('fetches the picks on screen again when their number changes', async () => {
    const window = await openWindow();
    for (const card of window.session.round?.cards ?? []) window.session.rate(card.track.id, 5);
    await window.session.submit();
    expect(window.session.recommendations).toHaveLength(3);
    await window.settings.savePreferences({ ...preferences, recommendations: '5' });
    await settle();
    expect(window.session.view).toBe('results');
    expect(window.session.recommendations).toHaveLength(5);
  });
});

describe('the window: Refresh data', () => {
  it('deals the new songs to a listener who had rated every song', async () => {
    const window = await openWindow(5);
    for (const card of window.session.round?.cards ?? []) window.session.rate(card.track.id, 3);
    await window.session.submit();
    await window.session.rateMore();
    expect(window.session.view).toBe('exhausted');

    const refreshed = window.refresh.start();
    window.earshot.addTracks(6);
    window.desktop.finishRefresh();
    await refreshed;
    await settle();
    expect(window.session.view).toBe('rating');
    expect(window.session.round?.cards.map((card) => card.track.id)).toEqual([6, 7, 8, 9, 10]);
  });

  it('leaves a round in progress alone', async () => {
    const window = await openWindow();
    window.session.rate(2, 5);
    const refreshed = window.refresh.start();
    window.desktop.finishRefresh();
    await refreshed;
    await settle();
    expect(window.session.round?.cards[1]?.stars).toBe(5);
  });
});
