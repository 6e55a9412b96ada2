import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import type { AppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { priorShare, tastePrior } from '../../../main/core/app/taste/taste-prior.ts';
import type { Track } from '../../../main/core/catalog/track.ts';
import type { Result } from '../../../main/core/contract/index.ts';
import { Prng } from '../../../main/core/random.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { localListenerId } from '../../../main/core/store/user-repository.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { buildTrainedDatabase, copyDatabase } from '../../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let models: ModelManager;
let service: AppService;
let catalog: Track[];

beforeAll(async () => {
  trained = await buildTrainedDatabase(1000);
  store = openStore(copyDatabase(trained.path));
  models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
  expect(models.start()).toEqual({ status: 'loaded' });
  const random = new Prng(5);
  service = createAppService({ store, models, random: () => random.nextFloat() });
  catalog = store.tracks.list();
});
afterAll(() => {
  models.close();
  store.close();
  trained.remove();
});
beforeEach(async () => {
  value(await service.handle('startOver', undefined));
  value(await service.handle('setTaste', {}));
  value(await service.handle('setPreferences', { strategy: 'adaptive' }));
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const genreOf = (id: number) => catalog.find((t) => t.id === id)!.genres;

describe('the taste start', () => {
  it('is asked for on a first run, and no longer once skipped, given or rated past', async () => {
    expect(value(await service.handle('getTaste', undefined)).shouldAsk).toBe(true);
    const skipped = value(await service.handle('setTaste', { skipped: true }));
    expect(skipped.shouldAsk).toBe(false);
    expect(value(await service.handle('getTaste', undefined)).taste.skipped).toBe(true);
    const given = value(await service.handle('setTaste', { likedGenres: ['folk'] }));
    expect(given.shouldAsk).toBe(false);
    value(await service.handle('setTaste', {}));
    value(
      await service.handle('submitRatings', { ratings: [{ trackId: catalog[0].id, stars: 4 }] }),
    );
    expect(value(await service.handle('getTaste', undefined)).shouldAsk).toBe(false);
  });

  it("lists the catalog's genres, decades and artists with their song counts", async () => {
    const { choices } = value(await service.handle('getTaste', undefined));
    const folk = catalog.filter((t) => t.genres.includes('folk')).length;
    expect(choices.genres.find((g) => g.name === 'folk')?.songs).toBe(folk);
    expect(choices.genres.length).toBe(17);
    expect(choices.decades.map((d) => d.decade)).toContain(1970);
    expect(choices.artists.length).toBeGreaterThan(500);
  });

  it("stores names in the catalog's spelling, and refuses what the catalog lacks or a genre both liked and disliked", async () => {
    const saved = value(
      await service.handle('setTaste', { likedGenres: ['FOLK', 'folk'], decades: [1970, 1970] }),
    );
    expect(saved.taste).toMatchObject({ likedGenres: ['folk'], decades: [1970] });
    const unknown = await service.handle('setTaste', { likedGenres: ['polka'] });
    expect(!unknown.ok && unknown.error).toEqual({
      code: 'invalid-request',
      message: 'likedGenres: no song in the catalog has "polka".',
    });
    const both = await service.handle('setTaste', {
      likedGenres: ['jazz'],
      dislikedGenres: ['Jazz'],
    });
    expect(!both.ok && both.error.message).toBe('"jazz" is both liked and disliked; choose one.');
    const era = await service.handle('setTaste', { decades: [1975] });
    expect(!era.ok && era.error.code).toBe('invalid-request');
    // A refused taste leaves the stored one as it was.
    expect(value(await service.handle('getTaste', undefined)).taste.likedGenres).toEqual(['folk']);
  });

  it('deals a first round from the liked genres only, never a disliked one, in every strategy', async () => {
    value(await service.handle('setTaste', { likedGenres: ['folk'], dislikedGenres: ['metal'] }));
    for (const strategy of ['random', 'smart', 'entropy', 'adaptive'] as const) {
      const songs = value(await service.handle('songsToRate', { count: 5, strategy }));
      expect(songs).toHaveLength(5);
      for (const song of songs) expect(song.genres).toContain('folk');
      const replacement = value(
        await service.handle('skipSong', { trackId: songs[0].id, exclude: songs.map((s) => s.id) }),
      );
      expect(replacement.genres).toContain('folk');
      expect(replacement.genres).not.toContain('metal');
    }
  });

  it('makes first picks from the taste alone, saying so, and never citing a prior song as liked', async () => {
    value(await service.handle('setTaste', { likedGenres: ['jazz'], dislikedGenres: ['pop'] }));
    const { recommendations } = value(await service.handle('recommend', { count: 3 }));
    expect(recommendations).toHaveLength(3);
    const jazz = recommendations.filter((pick) => pick.track.genres.includes('jazz'));
    expect(jazz.length).toBeGreaterThanOrEqual(2);
    for (const pick of recommendations) {
      expect(pick.track.genres).not.toContain('pop');
      // One reason: the taste's, citing a best-known jazz song, with no stars or plays.
      expect(pick.reasons).toHaveLength(1);
      expect(pick.reasons[0]).toMatchObject({
        kind: 'likedTrait',
        trait: 'jazz',
        stars: null,
        plays: null,
      });
      expect(pick.reasons[0].track.genres).toContain('jazz');
      expect(pick.reasons[0].track.id).not.toBe(pick.track.id);
      expect(pick.confidence).toEqual({
        level: 'low',
        label: 'A hunch from your taste: rate songs you know to firm it up',
      });
    }
    // The History page and a playlist of the set say it the same way.
    const [set] = value(await service.handle('pickSets', {})).sets;
    const past = value(await service.handle('pickSet', { id: set.id }));
    expect(past.recommendations.map((r) => r.reasons)).toEqual(
      recommendations.map((r) => r.reasons),
    );
    const playlist = value(
      await service.handle('exportPlaylist', { from: { history: set.id }, format: 'xspf' }),
    );
    expect(playlist.text).toMatch(
      /<annotation>Predicted [\d.]+★ · because you like jazz<\/annotation>/,
    );
    const rated = catalog.filter((t) => t.genres.includes('jazz')).slice(0, 3);
    value(
      await service.handle('submitRatings', {
        ratings: rated.map((t) => ({ trackId: t.id, stars: 5 })),
      }),
    );
    const after = value(await service.handle('recommend', { count: 3 })).recommendations;
    const ratedIds = new Set(rated.map((t) => t.id));
    for (const pick of after)
      for (const reason of pick.reasons) expect(ratedIds.has(reason.track.id)).toBe(true);
  });
});

describe('the taste start with listening history', () => {
  it("lets the listener's own plays win over the prior for a song in both", async () => {
    value(await service.handle('setTaste', { likedGenres: ['jazz'] }));
    const first = value(await service.handle('recommend', { count: 3 })).recommendations;
    // The prior's songs that pushed the first picks: now played often by the listener.
    const priorSongs = [...new Set(first.flatMap((p) => p.reasons.map((r) => r.track.id)))];
    expect(priorSongs.length).toBeGreaterThan(0);
    const me = store.users.ensure('local', localListenerId);
    const now = Math.floor(Date.now() / 1000);
    const plays = { plays: 12, skips: 0, listened: 12, listenedRecent: 12, lastPlayedAt: now };
    store.signals.replaceForUser(
      me,
      priorSongs.map((trackId) => ({ trackId, ...plays })),
      [],
    );
    try {
      const after = value(await service.handle('recommend', { count: 3 })).recommendations;
      expect(after).toHaveLength(3);
      const played = new Set(priorSongs);
      for (const pick of after) {
        expect(played.has(pick.track.id)).toBe(false);
        for (const reason of pick.reasons) {
          // A played song is cited as played (with its plays), never as standing for the taste.
          if (played.has(reason.track.id))
            expect(reason).toMatchObject({ kind: 'played', plays: 12 });
          else expect(reason.kind).not.toBe('played');
        }
      }
      expect(after.some((p) => p.reasons.some((r) => r.kind === 'played'))).toBe(true);
    } finally {
      store.signals.replaceForUser(me, [], []);
    }
  });
});

describe("the prior's schedule", () => {
  it('counts fully before any rating, half after 10, a quarter after 30', () => {
    expect(priorShare(0)).toBe(1);
    expect(priorShare(10)).toBe(0.5);
    expect(priorShare(30)).toBe(0.25);
  });

  it('stands for each liked genre with its best-known songs, disliked ones negative, rated songs left out', () => {
    const popularity = new Map(catalog.map((t) => [t.id, t.id]));
    const skip = new Set([catalog.filter((t) => t.genres.includes('folk')).at(-1)!.id]);
    const taste = {
      likedGenres: ['folk'],
      dislikedGenres: ['metal'],
      decades: [],
      artists: [],
      skipped: false,
    };
    const prior = tastePrior(taste, catalog, { popularity, ratings: 10, skip });
    const liked = prior.filter((p) => p.weight > 0);
    const disliked = prior.filter((p) => p.weight < 0);
    expect(liked).toHaveLength(5);
    expect(disliked).toHaveLength(5);
    for (const p of liked) {
      expect(genreOf(p.trackId)).toContain('folk');
      expect(genreOf(p.trackId)).not.toContain('metal');
      expect(p.weight).toBe(0.25);
      expect(skip.has(p.trackId)).toBe(false);
    }
    for (const p of disliked) expect(p.weight).toBe(-0.125);
  });
});
