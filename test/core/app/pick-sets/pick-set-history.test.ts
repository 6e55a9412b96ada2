import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../../main/core/app/app-service.ts';
import type { AppService } from '../../../../main/core/app/app-service.ts';
import { EventHub } from '../../../../main/core/app/event-hub.ts';
import { LocalListener } from '../../../../main/core/app/local-listener.ts';
import { ModelManager } from '../../../../main/core/app/model-manager.ts';
import { pastPickTrackIds } from '../../../../main/core/app/pick-sets/pick-set-views.ts';
import { changesSince } from '../../../../main/core/app/pick-sets/record-pick-set.ts';
import { SongPool } from '../../../../main/core/app/song-pool.ts';
import type { Result } from '../../../../main/core/contract/index.ts';
import { Prng } from '../../../../main/core/random.ts';
import { openStore } from '../../../../main/core/store/store.ts';
import type { Store } from '../../../../main/core/store/store.ts';
import { buildTrainedDatabase, copyDatabase } from '../../../helpers/trained-store.ts';
import { xmlText } from '../../../helpers/xml-text.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let models: ModelManager;
let service: AppService;

beforeAll(async () => {
  trained = await buildTrainedDatabase(300);
});
afterAll(() => trained.remove());

beforeEach(() => {
  store = openStore(copyDatabase(trained.path));
  const events = new EventHub();
  models = new ModelManager({ store, events, retrainDelayMs: 60_000 });
  expect(models.start()).toEqual({ status: 'loaded' });
  const random = new Prng(3);
  service = createAppService({ store, models, events, random: () => random.nextFloat() });
  return () => {
    models.close();
    store.close();
  };
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Rates a round of five songs: 5, 4, 4, 2, 1 stars. Returns their ids. */
async function rateRound(): Promise<number[]> {
  const songs = value(await service.handle('songsToRate', { count: 5 }));
  const stars = [5, 4, 4, 2, 1];
  value(
    await service.handle('submitRatings', {
      ratings: songs.map((song, i) => ({ trackId: song.id, stars: stars[i] })),
    }),
  );
  return songs.map((s) => s.id);
}

describe('the history of picks', () => {
  it('keeps a set only when the list changed, with what it was made from', async () => {
    const rated = await rateRound();
    const first = value(await service.handle('recommend', {}));
    value(await service.handle('recommend', {}));
    value(await service.handle('recommend', {}));
    let listed = value(await service.handle('pickSets', {}));
    expect(listed.total).toBe(1);
    expect(listed.sets[0].ratingCount).toBe(5);
    expect(listed.sets[0].changes.ratedCount).toBe(5);
    expect(listed.sets[0].changes.rated).toHaveLength(3);
    expect(listed.sets[0].picks.map((t) => t.id)).toEqual(
      first.recommendations.map((r) => r.track.id),
    );

    const pick = first.recommendations[0].track;
    value(await service.handle('submitRatings', { ratings: [{ trackId: pick.id, stars: 5 }] }));
    const second = value(await service.handle('recommend', {}));
    listed = value(await service.handle('pickSets', {}));
    expect(listed.total).toBe(2);
    const [newest, oldest] = listed.sets;
    expect(newest.id).toBeGreaterThan(oldest.id);
    expect(newest.ratingCount).toBe(6);
    expect(newest.changes.ratedCount).toBe(1);
    expect(newest.changes.rated).toEqual([{ track: pick, stars: 5 }]);
    expect(newest.picks.map((t) => t.id)).toEqual(second.recommendations.map((r) => r.track.id));
    expect(rated).not.toContain(pick.id);
  });

  it('reopens a past set exactly as it was shown, with the stars given since', async () => {
    await rateRound();
    const shown = value(await service.handle('recommend', {}));
    const [set] = value(await service.handle('pickSets', {})).sets;
    const pick = shown.recommendations[1].track.id;
    value(await service.handle('submitRatings', { ratings: [{ trackId: pick, stars: 2 }] }));
    value(await service.handle('recommend', {}));

    const reopened = value(await service.handle('pickSet', { id: set.id }));
    expect(reopened.recommendations).toEqual(shown.recommendations);
    expect(reopened.ratingCount).toBe(5);
    expect(reopened.ratings.map((r) => r.stars)).toEqual([5, 4, 4, 2, 1]);
    expect(reopened.yourStars).toEqual([{ trackId: pick, stars: 2 }]);
    const pool = new SongPool(store, new LocalListener(store), Math.random);
    expect(pastPickTrackIds(pool, set.id)).toEqual(shown.recommendations.map((r) => r.track.id));
  });

  it('keeps the history across Start over, and says the ratings were removed', async () => {
    await rateRound();
    value(await service.handle('recommend', {}));
    value(await service.handle('startOver', undefined));
    await rateRound();
    value(await service.handle('recommend', {}));
    const { sets, total } = value(await service.handle('pickSets', {}));
    expect(total).toBe(2);
    expect(sets[0].changes.removed).toBe(5);
    expect(sets[0].changes.ratedCount).toBe(5);
  });

  it('answers not-found for a set that does not exist, and invalid-request for a bad id', async () => {
    const missing = await service.handle('pickSet', { id: 99 });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const bad = await service.handle('pickSet', { id: 0 });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-request', field: ['id'] });
  });

  it('lists the newest sets first, at most `limit` of them', async () => {
    await rateRound();
    for (let i = 0; i < 3; i++) {
      const { recommendations } = value(await service.handle('recommend', {}));
      const trackId = recommendations[0].track.id;
      value(await service.handle('notInterested', { trackId }));
    }
    value(await service.handle('recommend', {}));
    const listed = value(await service.handle('pickSets', { limit: 2 }));
    expect(listed.total).toBe(4);
    expect(listed.sets.map((s) => s.id)).toEqual([4, 3]);
    expect(listed.sets[0].changes.hiddenCount).toBe(1);
    expect(listed.sets[0].changes.ratedCount).toBe(0);
  });
});

describe('what changed between two sets', () => {
  const rating = (trackId: number, rating: number, ratedAt: number) => ({
    trackId,
    rating,
    ratedAt,
  });

  it('names new and changed ratings, the newest first, new hides and removed ratings', () => {
    const before = { ratings: [rating(1, 5, 10), rating(2, 3, 10), rating(3, 4, 10)], hidden: [7] };
    const now = {
      ratings: [rating(1, 5, 10), rating(2, 1, 30), rating(4, 4, 20)],
      hidden: new Set([7, 8]),
    };
    expect(changesSince(before, now)).toEqual({
      rated: [
        { trackId: 2, stars: 1 },
        { trackId: 4, stars: 4 },
      ],
      hidden: [8],
      removed: 1,
    });
  });

  it('counts every rating as new when there is no set before', () => {
    const now = { ratings: [rating(1, 5, 10), rating(2, 2, 20)], hidden: new Set<number>() };
    expect(changesSince(undefined, now).rated.map((r) => r.trackId)).toEqual([2, 1]);
  });
});

describe('playlists out', () => {
  it('exports the current picks, in the order shown, as a JSPF file', async () => {
    await rateRound();
    const shown = value(await service.handle('recommend', {}));
    const file = value(await service.handle('exportPlaylist', { from: 'picks', format: 'jspf' }));
    expect(file.fileName).toMatch(/^earshot-picks-\d{4}-\d{2}-\d{2}\.jspf$/);
    expect(file.mimeType).toBe('application/json');
    const { playlist } = JSON.parse(file.text) as { playlist: { track: { title: string }[] } };
    expect(playlist.track.map((t) => t.title)).toEqual(
      shown.recommendations.map((r) => r.track.title),
    );
    expect(file.tracks).toBe(shown.recommendations.length);
  });

  it('exports the loved songs (4★ and up), the best first, and a past set by its id', async () => {
    const rated = await rateRound();
    const loved = value(await service.handle('exportPlaylist', { from: 'loved', format: 'm3u8' }));
    const titles = loved.text
      .split('\n')
      .filter((line) => line.startsWith('#EXTINF:'))
      .map((line) => line.slice(line.indexOf(' - ') + 3));
    const tracks = store.tracks.list();
    const titleOf = (id: number) => tracks.find((t) => t.id === id)?.title;
    // The 5★ song first, then the two 4★ ones (rated at the same moment); 2★ and 1★ left out.
    expect(titles[0]).toBe(titleOf(rated[0]));
    expect(titles.slice(1).sort()).toEqual([titleOf(rated[1]), titleOf(rated[2])].sort());
    expect(loved.tracks).toBe(3);

    const shown = value(await service.handle('recommend', {}));
    const [set] = value(await service.handle('pickSets', {})).sets;
    const past = value(
      await service.handle('exportPlaylist', { from: { history: set.id }, format: 'xspf' }),
    );
    expect(past.fileName).toMatch(new RegExp(`^earshot-picks-${set.id}-.*\\.xspf$`));
    for (const pick of shown.recommendations)
      expect(past.text).toContain(`<title>${xmlText(pick.track.title)}</title>`);
  });

  it('refuses an empty playlist and an unknown set, saying why', async () => {
    const none = await service.handle('exportPlaylist', { from: 'loved', format: 'xspf' });
    expect(!none.ok && none.error).toMatchObject({ code: 'not-found' });
    expect(!none.ok && none.error.message).toContain('no songs you loved yet');
    const unknown = await service.handle('exportPlaylist', {
      from: { history: 7 },
      format: 'm3u8',
    });
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
    const bad = await service.handle('exportPlaylist', { from: 'everything', format: 'mp3' });
    expect(!bad.ok && bad.error.code).toBe('invalid-request');
  });
});
