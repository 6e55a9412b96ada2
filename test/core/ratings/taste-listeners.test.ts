import { describe, expect, it } from 'vitest';
import { artistKey } from '../../../main/core/catalog/normalise.ts';
import {
  rateNewTracks,
  simulateTasteListeners,
} from '../../../main/core/ratings/taste-listeners.ts';
import type { TrackFeatures } from '../../../main/core/ratings/track-traits.ts';
import { syntheticCatalog } from '../../helpers/synthetic-catalog.ts';

const features: TrackFeatures[] = syntheticCatalog(600).map((t, i) => ({
  id: i + 1,
  itemKey: t.itemKey,
  genres: t.genres,
  year: t.year ?? null,
  artistKeys: t.artists.map((a) => artistKey(a.name)),
}));

describe('simulateTasteListeners', () => {
  const simulation = simulateTasteListeners(features, 1000, 42);

  it('gives the same ratings for the same seed and different ones for another seed', () => {
    const again = simulateTasteListeners(features, 1000, 42);
    expect(again.ratings).toEqual(simulation.ratings);
    const other = simulateTasteListeners(features, 1000, 43);
    const same =
      other.ratings.length === simulation.ratings.length &&
      other.ratings.every((r, i) => r.trackId === simulation.ratings[i].trackId);
    expect(same).toBe(false);
  });

  it('rates a favourite genre at least one star above the least favourite, on average', () => {
    const byId = new Map(features.map((t) => [t.id, t]));
    const gaps: number[] = [];
    simulation.tastes.forEach((taste, listener) => {
      const ranked = Object.entries(taste.genreWeights).sort((a, b) => b[1] - a[1]);
      const [best, worst] = [ranked[0][0], ranked[ranked.length - 1][0]];
      const mine = simulation.ratings.filter((r) => r.listener === listener);
      const meanFor = (genre: string): number | undefined => {
        const stars = mine
          .filter((r) => byId.get(r.trackId)!.genres[0] === genre)
          .map((r) => r.rating);
        return stars.length === 0 ? undefined : stars.reduce((a, b) => a + b, 0) / stars.length;
      };
      const [high, low] = [meanFor(best), meanFor(worst)];
      if (high !== undefined && low !== undefined) gaps.push(high - low);
    });
    expect(gaps.length).toBeGreaterThan(50);
    const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(meanGap).toBeGreaterThanOrEqual(1);
  });

  it('makes most listeners rate a few dozen songs and a few rate hundreds', () => {
    const counts = new Array<number>(1000).fill(0);
    for (const r of simulation.ratings) counts[r.listener]++;
    const sorted = [...counts].sort((a, b) => a - b);
    const median = sorted[500];
    expect(median).toBeGreaterThanOrEqual(15);
    expect(median).toBeLessThanOrEqual(60);
    expect(sorted.filter((c) => c >= 200).length).toBeGreaterThanOrEqual(3);
    expect(sorted.filter((c) => c >= 200).length).toBeLessThanOrEqual(80);
  });

  it('uses every star value with a realistic, not uniform, spread', () => {
    const histogram = [0, 0, 0, 0, 0];
    for (const r of simulation.ratings) histogram[r.rating - 1]++;
    const total = simulation.ratings.length;
    for (const count of histogram) expect(count / total).toBeGreaterThan(0.03);
    // People mostly play what they like: 4 and 5 stars outnumber 1 and 2.
    expect(histogram[3] + histogram[4]).toBeGreaterThan(histogram[0] + histogram[1]);
  });
});

describe('rateNewTracks', () => {
  it('rates new tracks by the same tastes, and a track the same whatever else is new', () => {
    const { tastes } = simulateTasteListeners(features.slice(0, 500), 300, 7);
    const fresh = features.slice(500);
    const all = rateNewTracks(tastes, fresh, 600, 7);
    const one = rateNewTracks(tastes, fresh.slice(0, 1), 600, 7);
    expect(one.length).toBeGreaterThan(0);
    expect(all.filter((r) => r.trackId === fresh[0].id)).toEqual(one);
    // Each listener meets about activity/catalog of the new tracks: a plausible total.
    const expected = tastes.reduce((sum, t) => sum + t.activity, 0) * (100 / 600);
    expect(all.length).toBeGreaterThan(expected * 0.3);
    expect(all.length).toBeLessThan(expected * 3);
  });
});
