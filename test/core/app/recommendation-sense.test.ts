import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { Prng } from '../../../main/core/random.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { buildTrainedDatabase } from '../../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let models: ModelManager;

beforeAll(async () => {
  trained = await buildTrainedDatabase(1000);
  store = openStore(trained.path);
  models = new ModelManager({ store, events: new EventHub() });
  expect(models.start()).toEqual({ status: 'loaded' });
});
afterAll(() => {
  models.close();
  store.close();
  trained.remove();
});

describe('recommendations on the embedded catalog with simulated listeners', () => {
  it('mostly share a genre with the songs a new listener loved (at least 80% of 20 seeded trials)', async () => {
    const tracks = store.tracks.list();
    const genres = [...new Set(tracks.flatMap((t) => t.genres))].sort();
    let successes = 0;
    for (let trial = 0; trial < 20; trial++) {
      const random = new Prng(1000 + trial);
      const loved = genres[random.nextInt(genres.length)];
      const others = genres.filter((g) => g !== loved);
      const hated = others[random.nextInt(others.length)];
      const inGenre = (genre: string, count: number) =>
        tracks
          .filter(
            (t) => t.genres.includes(genre) && !t.genres.includes(genre === loved ? hated : loved),
          )
          .map((t) => ({ t, key: random.nextFloat() }))
          .sort((a, b) => a.key - b.key)
          .slice(0, count)
          .map(({ t }) => t);
      const fives = inGenre(loved, 3);
      const ones = inGenre(hated, 2);
      // A fresh listener for each trial: the service folds them into the stored model.
      store.ratings.deleteForUser(store.users.ensure('local', 'me'));
      const service = createAppService({ store, models });
      const ratings = [
        ...fives.map((t) => ({ trackId: t.id, stars: 5 })),
        ...ones.map((t) => ({ trackId: t.id, stars: 1 })),
      ];
      const submitted = await service.handle('submitRatings', { ratings });
      expect(submitted.ok).toBe(true);
      const result = await service.handle('recommend', { count: 3 });
      if (!result.ok) throw new Error(result.error.message);
      const lovedGenres = new Set(fives.flatMap((t) => t.genres));
      const sharing = result.value.recommendations.filter((r) =>
        r.track.genres.some((g) => lovedGenres.has(g)),
      );
      if (sharing.length >= 2) successes++;
    }
    expect(successes / 20).toBeGreaterThanOrEqual(0.8);
  });

  it('learn from listening history alone: songs played often lead to their genre, and are cited', async () => {
    const tracks = store.tracks.list();
    const genres = [...new Set(tracks.flatMap((t) => t.genres))].sort();
    const now = Math.floor(Date.now() / 1000);
    let onGenre = 0;
    let picks = 0;
    for (let trial = 0; trial < 10; trial++) {
      const random = new Prng(2000 + trial);
      const loved = genres[random.nextInt(genres.length)];
      const played = tracks
        .filter((t) => t.genres.includes(loved))
        .map((t) => ({ t, key: random.nextFloat() }))
        .sort((a, b) => a.key - b.key)
        .slice(0, 6)
        .map(({ t }) => t);
      const me = store.users.ensure('local', 'me');
      store.ratings.deleteForUser(me);
      const signals = played.map((t) => ({
        trackId: t.id,
        plays: 10,
        skips: 0,
        listened: 10,
        listenedRecent: 10,
        lastPlayedAt: now,
      }));
      store.signals.replaceForUser(me, signals, []);
      const service = createAppService({ store, models });
      const result = await service.handle('recommend', { count: 3 });
      if (!result.ok) throw new Error(result.error.message);
      const playedIds = new Set(played.map((t) => t.id));
      const { recommendations } = result.value;
      expect(recommendations.some((r) => playedIds.has(r.track.id))).toBe(false);
      for (const r of recommendations) {
        picks++;
        if (r.track.genres.includes(loved)) onGenre++;
        for (const reason of r.reasons) {
          expect(reason.kind).toBe('played');
          expect(playedIds.has(reason.track.id)).toBe(true);
          expect(reason.plays).toBe(10);
        }
      }
      expect(recommendations.flatMap((r) => r.reasons).length).toBeGreaterThan(0);
    }
    expect(onGenre / picks).toBeGreaterThanOrEqual(0.8);
  });
});
