import { describe, expect, it } from 'vitest';
import { simulateUniformListeners } from '../../../main/core/ratings/uniform-listeners.ts';

describe('simulateUniformListeners', () => {
  it('reproduces the original defaults: 50 users and about 300 ratings', () => {
    const trackIds = Array.from({ length: 600 }, (_, i) => i + 1);
    const ratings = simulateUniformListeners(trackIds, 50, 1);
    // 300 draws over 30,000 pairs: a repeated pair is rare, so nearly all 300 survive.
    expect(ratings.length).toBeGreaterThanOrEqual(295);
    expect(ratings.length).toBeLessThanOrEqual(300);
    expect(new Set(ratings.map((r) => r.listener)).size).toBeGreaterThan(40);
  });

  it('draws stars, listeners and songs uniformly (chi-square within bounds)', () => {
    const trackIds = Array.from({ length: 10 }, (_, i) => i + 1);
    const ratings = simulateUniformListeners(trackIds, 10_000, 3, 50_000);
    const chiSquare = (counts: number[]): number => {
      const total = counts.reduce((a, b) => a + b, 0);
      const expected = total / counts.length;
      return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    };
    const stars = [0, 0, 0, 0, 0];
    const songs = new Array<number>(10).fill(0);
    for (const r of ratings) {
      stars[r.rating - 1]++;
      songs[r.trackId - 1]++;
    }
    // 99.9th percentiles of chi-square: 18.47 with 4 degrees of freedom, 27.88 with 9.
    expect(chiSquare(stars)).toBeLessThan(18.47);
    expect(chiSquare(songs)).toBeLessThan(27.88);
  });
});
