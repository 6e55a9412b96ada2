import { afterEach, expect, it } from 'vitest';
import { LocalListener } from '../../../main/core/app/local-listener.ts';
import { SongPool } from '../../../main/core/app/song-pool.ts';
import { loadEmbeddedCatalog } from '../../../main/core/catalog/embedded-catalog.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

let store: Store | undefined;
afterEach(() => store?.close());

it("counts other listeners' ratings as a song's popularity, and does not count again when only yours change", () => {
  store = openStore(tempDbPath());
  loadEmbeddedCatalog(store);
  const [a, b, c] = store.tracks.list().map((t) => t.id);
  const others = [1, 2, 3].map((n) => store!.users.ensure('simulated', `listener-${n}`));
  store.ratings.upsertMany([
    ...others.map((userId) => ({ userId, trackId: a, rating: 5, ratedAt: 1 })),
    { userId: others[0], trackId: b, rating: 2, ratedAt: 1 },
  ]);
  const listener = new LocalListener(store);
  const pool = new SongPool(store, listener, Math.random);
  const before = pool.ratingCounts();
  expect([before.get(a), before.get(b), before.get(c)]).toEqual([3, 1, undefined]);

  // Your own ratings are not popularity: the counts stand, the very same object.
  listener.rate([
    { trackId: a, stars: 4 },
    { trackId: c, stars: 5 },
  ]);
  expect(store.ratings.countForUser(listener.userId()!)).toBe(2);
  expect(pool.ratingCounts()).toBe(before);

  // Another listener's rating is, and is read at once.
  store.ratings.upsertMany([{ userId: others[1], trackId: c, rating: 4, ratedAt: 2 }]);
  const after = pool.ratingCounts();
  expect(after).not.toBe(before);
  expect([after.get(a), after.get(b), after.get(c)]).toEqual([3, 1, 1]);
});
