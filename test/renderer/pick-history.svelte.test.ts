import { describe, expect, it } from 'vitest';
import type { ExportedPlaylist } from '../../main/core/contract/index.ts';
import { PickHistory } from '../../renderer/src/lib/state/pick-history.svelte.ts';
import { PlaylistExport } from '../../renderer/src/lib/state/playlist-export.svelte.ts';
import { FakeEarshot } from './fake-earshot-api.ts';

/** A fake Earshot whose listener rated songs 1–3, got picks, rated one of them, got picks again. */
async function twoSets(): Promise<FakeEarshot> {
  const earshot = new FakeEarshot();
  await earshot.api.submitRatings({
    ratings: [1, 2, 3].map((trackId) => ({ trackId, stars: 6 - trackId })),
  });
  const first = await earshot.api.recommend({});
  const pick = first.ok ? first.value.recommendations[0].track.id : 0;
  await earshot.api.submitRatings({ ratings: [{ trackId: pick, stars: 4 }] });
  await earshot.api.recommend({});
  return earshot;
}

describe('PickHistory', () => {
  it('lists the sets newest first, reopens one, and rates a pick from it as one rating', async () => {
    const earshot = await twoSets();
    const history = new PickHistory(earshot.api);
    await history.load();
    expect(history.view).toBe('list');
    expect(history.total).toBe(2);
    expect(history.sets.map((s) => s.id)).toEqual([2, 1]);

    await history.open(1);
    expect(history.view).toBe('set');
    const picks = history.set?.recommendations.map((r) => r.track.id) ?? [];
    expect(picks).toEqual([4, 5, 6]);
    expect(history.starsOf(4)).toBe(4);
    expect(history.starsOf(5)).toBeUndefined();

    await history.rate(5, 2);
    expect(earshot.callsTo('submitRatings').at(-1)).toEqual({
      ratings: [{ trackId: 5, stars: 2 }],
    });
    expect(history.starsOf(5)).toBe(2);
    expect(earshot.ratings.get(5)).toBe(2);

    await history.close();
    expect(history.view).toBe('list');
    expect(history.set).toBeNull();
  });

  it('shows a rating that was not saved, and keeps the stars as they were', async () => {
    const earshot = await twoSets();
    const history = new PickHistory(earshot.api);
    await history.open(1);
    earshot.failNext('submitRatings', { code: 'busy', message: 'The database is busy.' });
    await history.rate(6, 5);
    expect(history.notice).toBe('The database is busy.');
    expect(history.starsOf(6)).toBeUndefined();
    expect(history.ratingId).toBeNull();
  });

  it('says when a set does not exist', async () => {
    const history = new PickHistory(new FakeEarshot().api);
    await history.open(3);
    expect(history.view).toBe('error');
    expect(history.error?.code).toBe('not-found');
  });
});

describe('PlaylistExport', () => {
  it('asks the core for the file in the chosen format and hands it to be saved', async () => {
    const earshot = await twoSets();
    const saved: ExportedPlaylist[] = [];
    const playlists = new PlaylistExport(earshot.api, (file) => saved.push(file));
    playlists.format = 'xspf';
    expect(await playlists.export({ history: 2 })).toBe(true);
    expect(earshot.callsTo('exportPlaylist')).toEqual([{ from: { history: 2 }, format: 'xspf' }]);
    expect(saved.map((f) => f.fileName)).toEqual(['earshot-picks-2.xspf']);
    expect(playlists.saved).toBe('earshot-picks-2.xspf');
    expect(playlists.busy).toBeNull();
  });

  it('shows a refusal and saves nothing', async () => {
    const earshot = new FakeEarshot();
    const saved: ExportedPlaylist[] = [];
    const playlists = new PlaylistExport(earshot.api, (file) => saved.push(file));
    earshot.failNext('exportPlaylist', {
      code: 'not-found',
      message: 'There are no songs you loved yet.',
    });
    expect(await playlists.export('loved')).toBe(false);
    expect(playlists.error).toBe('There are no songs you loved yet.');
    expect(saved).toEqual([]);
  });
});
