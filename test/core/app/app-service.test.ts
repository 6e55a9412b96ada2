import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import type { AppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { Prng } from '../../../main/core/random.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { methods } from '../../../main/core/contract/index.ts';
import type { Result } from '../../../main/core/contract/index.ts';
import { buildTrainedDatabase, copyDatabase } from '../../helpers/trained-store.ts';
import { serviceWithAccount, signInThroughService } from './spotify-answers.ts';

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
  const random = new Prng(9);
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

describe('the app service', () => {
  it('offers five songs by five different artists, with a Spotify search link when no track URL is known', async () => {
    const songs = value(await service.handle('songsToRate', {}));
    expect(songs).toHaveLength(5);
    expect(new Set(songs.map((s) => s.artists[0])).size).toBe(5);
    expect(songs[0].spotifyUrl).toMatch(/^https:\/\/open\.spotify\.com\/search\//);
    expect(songs[0].spotifyUrlIsSearch).toBe(true);
  });

  it('replaces a song the listener does not know, and never offers it again', async () => {
    const songs = value(await service.handle('songsToRate', { count: 5 }));
    const unknown = songs[0].id;
    const onScreen = songs.map((s) => s.id);
    const replacement = value(
      await service.handle('skipSong', { trackId: unknown, exclude: onScreen }),
    );
    expect(onScreen).not.toContain(replacement.id);
    for (let round = 0; round < 20; round++) {
      const offered = value(await service.handle('songsToRate', { count: 20 }));
      expect(offered.map((s) => s.id)).not.toContain(unknown);
    }
  });

  it('rejects malformed requests with invalid-request and unknown songs with not-found', async () => {
    const badStars = await service.handle('submitRatings', { ratings: [{ trackId: 1, stars: 6 }] });
    expect(badStars).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'ratings[0].stars must be a whole number from 1 to 5',
        field: ['ratings', 0, 'stars'],
      },
    });
    const extra = await service.handle('songsToRate', { count: 5, sneaky: true });
    expect(extra.ok ? undefined : extra.error.code).toBe('invalid-request');
    const unknown = await service.handle('submitRatings', {
      ratings: [{ trackId: 999_999, stars: 3 }],
    });
    expect(unknown.ok ? undefined : unknown.error.code).toBe('not-found');
    expect(value(await service.handle('getState', undefined)).listenerRatings).toBe(0);
  });

  it('saves ratings, then recommends unrated songs with predicted stars and a reason', async () => {
    const songs = value(await service.handle('songsToRate', {}));
    const ratings = songs.map((s, i) => ({ trackId: s.id, stars: [5, 5, 4, 2, 1][i] }));
    expect(value(await service.handle('submitRatings', { ratings }))).toEqual({
      saved: 5,
      listenerRatings: 5,
    });
    const { recommendations } = value(await service.handle('recommend', {}));
    expect(recommendations).toHaveLength(3);
    const rated = new Set(songs.map((s) => s.id));
    for (const r of recommendations) {
      expect(rated.has(r.track.id)).toBe(false);
      expect(r.predictedStars).toBeGreaterThanOrEqual(1);
      expect(r.predictedStars).toBeLessThanOrEqual(5);
    }
    const reasons = recommendations.flatMap((r) => r.reasons);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(rated.has(reason.track.id)).toBe(true);
      expect(reason.stars).toBe(ratings.find((r) => r.trackId === reason.track.id)!.stars);
      if (reason.kind === 'liked') expect(reason.stars).toBeGreaterThanOrEqual(4);
    }
  });

  it('never offers again a song already rated, and starts over from nothing', async () => {
    const first = value(await service.handle('songsToRate', { count: 10 }));
    await service.handle('submitRatings', {
      ratings: first.map((s) => ({ trackId: s.id, stars: 3 })),
    });
    const next = value(await service.handle('songsToRate', { count: 50 }));
    expect(next.some((s) => first.some((f) => f.id === s.id))).toBe(false);
    expect(value(await service.handle('startOver', undefined))).toEqual({ removed: 10 });
    expect(value(await service.handle('getState', undefined)).listenerRatings).toBe(0);
  });

  it("answers every method with exactly what the contract's response schema describes", async () => {
    const songs = value(await service.handle('songsToRate', {}));
    const spotify = await serviceWithAccount(store, models);
    const { started: spotifySignIn } = await signInThroughService(spotify);
    const answers = {
      getState: await service.handle('getState', undefined),
      songsToRate: await service.handle('songsToRate', { count: 3 }),
      skipSong: await service.handle('skipSong', { trackId: songs[0].id }),
      submitRatings: await service.handle('submitRatings', {
        ratings: songs.map((song) => ({ trackId: song.id, stars: 4 })),
      }),
      recommend: await service.handle('recommend', {}),
      pickSets: await service.handle('pickSets', {}),
      pickSet: await service.handle('pickSet', { id: 1 }),
      exportPlaylist: await service.handle('exportPlaylist', { from: 'loved', format: 'jspf' }),
      notInterested: await service.handle('notInterested', { trackId: songs[1].id }),
      setPreferences: await service.handle('setPreferences', { strategy: 'smart' }),
      startOver: await service.handle('startOver', undefined),
      importHistory: await service.handle('importHistory', {
        files: [{ name: 'scrobbles.csv', text: 'Queen,,Bohemian Rhapsody,01 Jan 2024 10:00\n' }],
      }),
      getTaste: await service.handle('getTaste', undefined),
      setTaste: await service.handle('setTaste', { likedGenres: [songs[0].genres[0]] }),
      undoStartOver: await service.handle('undoStartOver', undefined),
      searchTracks: await service.handle('searchTracks', { query: 'bohemian' }),
      rateSong: await service.handle('rateSong', { trackId: songs[2].id, stars: 5 }),
      listRatings: await service.handle('listRatings', { sort: 'stars' }),
      removeRating: await service.handle('removeRating', { trackId: songs[2].id }),
      saveRound: await service.handle('saveRound', {
        cards: [{ trackId: songs[3].id, stars: null }],
      }),
      roundDraft: await service.handle('roundDraft', undefined),
      spotifyAccount: await spotify.service.handle('spotifyAccount', undefined),
      spotifySignIn,
      importSpotifyListening: await spotify.service.handle('importSpotifyListening', {}),
      saveSpotifyPlaylist: await spotify.service.handle('saveSpotifyPlaylist', {
        source: 'picks',
        trackIds: [songs[0].id],
      }),
      spotifySignOut: await spotify.service.handle('spotifySignOut', {}),
    } satisfies Record<keyof typeof methods, unknown>;
    await spotify.close();
    for (const [method, answer] of Object.entries(answers)) {
      const schema = methods[method as keyof typeof methods].response;
      expect(answer.ok, method).toBe(true);
      expect(schema.safeParse(answer.ok && answer.value).success, method).toBe(true);
    }
  });

  it('keeps preferences and uses them as the default counts', async () => {
    value(
      await service.handle('setPreferences', {
        songsToRate: 7,
        recommendations: 4,
        strategy: 'smart',
      }),
    );
    expect(value(await service.handle('songsToRate', {}))).toHaveLength(7);
    const state = value(await service.handle('getState', undefined));
    expect(state.preferences).toEqual({
      songsToRate: 7,
      recommendations: 4,
      strategy: 'smart',
      diversity: 0.1,
    });
    expect(state.model?.algorithm).toBe('svd');
  });
});
