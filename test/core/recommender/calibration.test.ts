import { describe, expect, it } from 'vitest';
import { Prng } from '../../../main/core/random.ts';
import {
  fitCalibratedSvd,
  starsFor,
} from '../../../main/core/recommender/algorithms/calibrated-svd.ts';
import { indexRatings } from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import {
  poolAdjacentViolators,
  poolEnds,
} from '../../../main/core/recommender/algorithms/isotonic.ts';
import {
  calibrateStars,
  fitStarCalibration,
} from '../../../main/core/recommender/algorithms/star-calibration.ts';
import { crossValidate } from '../../../main/core/recommender/evaluation/cross-validate.ts';
import { plantedRatings } from './planted-ratings.ts';

const scale = { min: 1, max: 5 };

describe('poolAdjacentViolators', () => {
  it('pools violating neighbours into weighted means, by hand', () => {
    // y = 1, 3, 2, 4 (unit weights): 3 > 2 pools to 2.5 at x 1.5.
    const blocks = poolAdjacentViolators([0, 1, 2, 3], [1, 3, 2, 4], [1, 1, 1, 1]);
    expect(blocks).toEqual([
      { x: 0, y: 1, weight: 1 },
      { x: 1.5, y: 2.5, weight: 2 },
      { x: 3, y: 4, weight: 1 },
    ]);
    // Equal fitted values pool too, so the result strictly increases.
    const flat = poolAdjacentViolators([0, 1, 2], [2, 2, 5], [1, 3, 1]);
    expect(flat.map((b) => [b.x, b.y, b.weight])).toEqual([
      [0.75, 2, 4],
      [2, 5, 1],
    ]);
  });
});

describe('poolEnds', () => {
  it('pools each end block with its neighbours until it holds enough weight', () => {
    const blocks = [
      { x: 0, y: 1, weight: 1 },
      { x: 1, y: 2, weight: 3 },
      { x: 2, y: 3, weight: 10 },
      { x: 3, y: 4, weight: 2 },
      { x: 4, y: 5, weight: 2 },
    ];
    expect(poolEnds(blocks, 4)).toEqual([
      { x: 0.75, y: 1.75, weight: 4 },
      { x: 2, y: 3, weight: 10 },
      { x: 3.5, y: 4.5, weight: 4 },
    ]);
    // Everything pools into one block: Σ w x = 37, Σ w y = 55 over a weight of 18.
    const [all, ...rest] = poolEnds(blocks, 100);
    expect(rest).toEqual([]);
    expect(all.weight).toBe(18);
    expect(all.x).toBeCloseTo(37 / 18, 12);
    expect(all.y).toBeCloseTo(55 / 18, 12);
  });
});

describe('star calibration', () => {
  // Held-out ratings from a planted relation actual ≈ 3 + 0.6 (score − 3.2): SVD scores that
  // spread too far, as a model that overfits gives.
  const random = new Prng(9);
  const scores = Array.from({ length: 4000 }, () => 3.2 + random.nextNormal(0, 1.2));
  const truth = (score: number): number => Math.min(5, Math.max(1, 3 + 0.6 * (score - 3.2)));
  const actual = scores.map((score) => truth(score) + random.nextNormal(0, 0.3));
  const calibration = fitStarCalibration(scores, actual, scale);

  it('maps scores to the planted expected stars within a few hundredths', () => {
    for (const score of [2, 2.8, 3.2, 3.9, 4.6]) {
      expect(Math.abs(calibrateStars(calibration, score) - truth(score))).toBeLessThan(0.08);
    }
  });

  it('is strictly increasing and stays inside the scale, even far beyond the data', () => {
    const probes = Array.from({ length: 401 }, (_, p) => -5 + p * 0.05);
    const values = probes.map((score) => calibrateStars(calibration, score));
    for (let p = 1; p < values.length; p++) expect(values[p]).toBeGreaterThan(values[p - 1]);
    expect(values[0]).toBeGreaterThan(1);
    expect(values.at(-1)).toBeLessThan(5);
    // Picks that all clip to 5.0 get distinct stars.
    const picks = [5.3, 5.6, 6.1].map((score) => calibrateStars(calibration, score));
    expect(new Set(picks).size).toBe(3);
    expect(() => calibrateStars(calibration, NaN)).toThrow(/finite/);
  });

  it('refuses pairs it cannot fit', () => {
    expect(() => fitStarCalibration([], [], scale)).toThrow(/at least one/);
    expect(() => fitStarCalibration([1, 2], [3], scale)).toThrow(/length/);
    expect(() => fitStarCalibration([1, Infinity], [3, 3], scale)).toThrow(/not finite/);
  });
});

describe('calibrated SVD', () => {
  const data = plantedRatings({
    users: 300,
    items: 120,
    density: 0.3,
    rank: 3,
    noise: 0.6,
    seed: 8,
  });
  const stars = {
    ...data,
    ratings: data.ratings.map((r) => Math.min(5, Math.max(1, Math.round(r)))),
  };
  // A model that overfits (many factors, no regularisation) predicts stars too extreme.
  const options = { factors: 30, epochs: 60, learningRate: 0.02, regularization: 0, seed: 2 };

  it('attaches a map that shows distinct stars where clipping shows the same 5.0', () => {
    const model = fitCalibratedSvd(indexRatings(stars), options);
    expect(model.calibration).toBeDefined();
    const shown = [5.2, 5.5, 5.9].map((score) => starsFor(model, score));
    expect(new Set(shown).size).toBe(3);
    for (const value of shown) expect(value).toBeLessThan(5);
    expect(starsFor({ ...model, calibration: undefined }, 5.5)).toBe(5);
  });

  it('brings every well-filled bin of held-out stars within ±0.25 of its centre', () => {
    const result = crossValidate(stars, { algorithm: 'svd', options, folds: 3, seed: 1, k: 5 });
    const [clipped, calibrated] = result.calibration ?? [];
    expect(clipped.stars).toBe('clipped');
    expect(calibrated.stars).toBe('calibrated');
    expect(clipped.maxDeviation).toBeGreaterThan(0.25);
    expect(calibrated.maxDeviation).toBeLessThanOrEqual(0.25);
    expect(calibrated.rmse).toBeLessThan(clipped.rmse);
    const counted = calibrated.bins.reduce((sum, bin) => sum + bin.count, 0);
    expect(counted).toBe(clipped.bins.reduce((sum, bin) => sum + bin.count, 0));
  });
});
