import { describe, expect, it, vi } from 'vitest';
import { TasteState } from '../../renderer/src/lib/state/taste.svelte.ts';
import { createWindowState } from '../../renderer/src/lib/state/window-state.ts';
import { FakeDesktop } from './fake-desktop-api.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

describe('TasteState', () => {
  it('asks to be shown on a first run only', async () => {
    const earshot = new FakeEarshot();
    const onFirstRun = vi.fn();
    await new TasteState(earshot.api, { onFirstRun }).load();
    expect(onFirstRun).toHaveBeenCalledTimes(1);
    earshot.taste = { ...earshot.taste, skipped: true };
    await new TasteState(earshot.api, { onFirstRun }).load();
    expect(onFirstRun).toHaveBeenCalledTimes(1);
  });

  it('cycles a genre through like, dislike and neither, and saves the choices as one taste', async () => {
    const earshot = new FakeEarshot();
    const onDone = vi.fn();
    const taste = new TasteState(earshot.api, { onDone });
    await taste.load();
    expect(taste.hasChoices).toBe(false);
    taste.cycleGenre('folk');
    taste.cycleGenre('rock');
    taste.cycleGenre('rock');
    taste.cycleGenre('jazz');
    taste.cycleGenre('jazz');
    taste.cycleGenre('jazz');
    expect([...taste.genres]).toEqual([
      ['folk', 'like'],
      ['rock', 'dislike'],
      ['jazz', undefined],
    ]);
    taste.toggleDecade(1970);
    taste.toggleDecade(1980);
    taste.toggleDecade(1980);
    taste.artistQuery = 'BEYONCE';
    expect(taste.artistOptions.map((a) => a.name)).toEqual(['Beyoncé']);
    taste.addArtist('Beyoncé');
    expect(taste.artistQuery).toBe('');
    await taste.startRating();
    expect(earshot.callsTo('setTaste')).toEqual([
      { likedGenres: ['folk'], dislikedGenres: ['rock'], decades: [1970], artists: ['Beyoncé'] },
    ]);
    expect(onDone).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('says why a taste was refused, and stays on the page', async () => {
    const earshot = new FakeEarshot();
    const onDone = vi.fn();
    const taste = new TasteState(earshot.api, { onDone });
    await taste.load();
    taste.genres.set('polka', 'like');
    await taste.startRating();
    expect(taste.error).toBe('likedGenres: no song in the catalog has "polka".');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('the window with a taste start', () => {
  it('opens the taste page on a first run; Start rating deals a new round, Skip keeps the one dealt', async () => {
    const earshot = new FakeEarshot();
    const desktop = new FakeDesktop(earshot);
    const window = createWindowState(earshot.api, desktop.api);
    await window.session.start();
    await window.taste.load();
    expect(window.navigation.page).toBe('taste');
    window.taste.cycleGenre('folk');
    await window.taste.startRating();
    expect(window.navigation.page).toBe('round');
    await vi.waitFor(() => expect(earshot.callsTo('songsToRate')).toHaveLength(2));
    // Skip on a later visit leaves the stored taste as it is, and the round as it is.
    window.taste.cycleGenre('rock');
    await window.taste.skip();
    expect(earshot.taste).toMatchObject({ likedGenres: ['folk'], skipped: false });
    expect([...window.taste.genres]).toEqual([['folk', 'like']]);
    expect(earshot.callsTo('songsToRate')).toHaveLength(2);
  });

  it('remembers a skip on a first run, so the page is not offered again', async () => {
    const earshot = new FakeEarshot();
    const window = createWindowState(earshot.api, new FakeDesktop(earshot).api);
    await window.taste.load();
    await window.taste.skip();
    expect(earshot.taste.skipped).toBe(true);
    expect(window.navigation.page).toBe('round');
  });
});
