import { beforeEach, describe, expect, it } from 'vitest';
import { importRatingsText } from '../../../main/core/ratings/import/import-ratings.ts';
import { applySimulation } from '../../../main/core/ratings/simulation.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { syntheticCatalog } from '../../helpers/synthetic-catalog.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

let store: Store;
const request = { mode: 'taste', listeners: 150, seed: 5 } as const;

beforeEach(() => {
  store = openStore(tempDbPath());
  store.tracks.upsertMany(syntheticCatalog(300));
  return () => store.close();
});

describe('applySimulation', () => {
  it('creates listeners with stored tastes, then does nothing when asked the same again', () => {
    const created = applySimulation(store, request);
    expect(created.action).toBe('created');
    expect(created.ratingsWritten).toBe(store.ratings.count());
    const profiles = store.users.profiles('simulated');
    expect(profiles).toHaveLength(150);
    expect(profiles[0].profile).toHaveProperty('genreWeights');
    expect(applySimulation(store, request)).toEqual({
      action: 'unchanged',
      listeners: 150,
      ratingsWritten: 0,
    });
    expect(store.ratings.count()).toBe(created.ratingsWritten);
  });

  it('rates only tracks added since, leaving the earlier ratings as they were', () => {
    applySimulation(store, request);
    const before = store.ratings.readArrays();
    const added = syntheticCatalog(360).slice(300);
    store.tracks.upsertMany(added);
    const extended = applySimulation(store, request);
    expect(extended.action).toBe('extended');
    expect(extended.ratingsWritten).toBeGreaterThan(0);
    const after = store.ratings.readArrays();
    expect(after.ratings.length).toBe(before.ratings.length + extended.ratingsWritten);
    const newIds = new Set(
      store.tracks
        .list()
        .slice(300)
        .map((t) => t.id),
    );
    const newRatings = Array.from(after.trackIds).filter((id) => newIds.has(id)).length;
    expect(newRatings).toBe(extended.ratingsWritten);
  });

  it('replaces simulated listeners for another seed and never touches imported ones', () => {
    importRatingsText(store, 'userID,itemID,rating\nreal,synthetic-1,5\n', 'real.csv');
    applySimulation(store, request);
    const replaced = applySimulation(store, { ...request, seed: 6, listeners: 40 });
    expect(replaced.action).toBe('created');
    expect(store.users.countByKind()).toMatchObject({ simulated: 40, imported: 1 });
    expect(store.ratings.count()).toBe(replaced.ratingsWritten + 1);
  });

  it('rejects a listener count that is not a positive whole number', () => {
    expect(() => applySimulation(store, { ...request, listeners: 0 })).toThrow(RangeError);
  });
});
