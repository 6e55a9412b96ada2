import { describe, expect, it } from 'vitest';
import { fitSvd } from '../../../main/core/recommender/algorithms/svd.ts';
import type { SvdModel } from '../../../main/core/recommender/algorithms/svd-model.ts';
import { predictRating } from '../../../main/core/recommender/algorithms/svd-model.ts';
import type { RatingArrays } from '../../../main/core/store/rating-repository.ts';
import { plantedRatings, selectRatings } from './planted-ratings.ts';

const implementations = ['fast', 'reference'] as const;

/** Two ratings of disjoint users and items: one epoch's updates do not interact. */
const twoRatings: RatingArrays = {
  userIds: Int32Array.of(7, 3),
  trackIds: Int32Array.of(40, 12),
  ratings: Float32Array.of(5, 2),
};
const perTerm = { lrBu: 0.01, lrBi: 0.02, lrPu: 0.03, lrQi: 0.04, regPu: 0.1, regQi: 0.2 };

function testRmse(model: SvdModel, test: RatingArrays): number {
  let sse = 0;
  for (let r = 0; r < test.ratings.length; r++) {
    const error =
      predictRating(model, test.userIds[r], test.trackIds[r]).estimate - test.ratings[r];
    sse += error * error;
  }
  return Math.sqrt(sse / test.ratings.length);
}

describe.each(implementations)('fitSvd (%s)', (implementation) => {
  it('applies one SGD step exactly as the hand-written update from the seeded start', () => {
    const options = { implementation, factors: 3, seed: 11, ...perTerm };
    const start = fitSvd(twoRatings, { ...options, epochs: 0 });
    const trained = fitSvd(twoRatings, { ...options, epochs: 1 });
    const mu = 3.5;
    // Dense user 1 is raw user 7 and dense item 1 is raw track 40: the rating 5.
    for (const [u, i, r] of [
      [1, 1, 5],
      [0, 0, 2],
    ]) {
      const p = start.userFactors.slice(u * 3, u * 3 + 3);
      const q = start.itemFactors.slice(i * 3, i * 3 + 3);
      const err = r - (mu + p[0] * q[0] + p[1] * q[1] + p[2] * q[2]);
      expect(trained.userBias[u]).toBeCloseTo(0.01 * err, 6);
      expect(trained.itemBias[i]).toBeCloseTo(0.02 * err, 6);
      for (let f = 0; f < 3; f++) {
        expect(trained.userFactors[u * 3 + f]).toBeCloseTo(
          p[f] + 0.03 * (err * q[f] - 0.1 * p[f]),
          6,
        );
        expect(trained.itemFactors[i * 3 + f]).toBeCloseTo(
          q[f] + 0.04 * (err * p[f] - 0.2 * q[f]),
          6,
        );
      }
    }
  });

  it('recovers a planted model: test RMSE within 15% of the noise, train RMSE falling every epoch', () => {
    const noise = 0.3;
    const data = plantedRatings({ users: 300, items: 200, density: 0.3, rank: 3, noise, seed: 7 });
    const positions = [...data.ratings.keys()];
    const train = selectRatings(
      data,
      positions.filter((r) => r % 5 !== 0),
    );
    const test = selectRatings(
      data,
      positions.filter((r) => r % 5 === 0),
    );
    const trainRmse: number[] = [];
    const options = { implementation, factors: 3, epochs: 100, learningRate: 0.01, seed: 3 };
    const model = fitSvd(train, { ...options, ratingScale: { min: -10, max: 20 } }, (progress) =>
      trainRmse.push(progress.trainRmse),
    );
    expect(trainRmse).toHaveLength(100);
    for (let epoch = 1; epoch < trainRmse.length; epoch++) {
      expect(trainRmse[epoch]).toBeLessThan(trainRmse[epoch - 1]);
    }
    expect(trainRmse[0]).toBeGreaterThan(0.6);
    expect(trainRmse[99]).toBeLessThan(noise);
    expect(testRmse(model, test)).toBeLessThan(1.15 * noise);
    expect(testRmse(model, test)).toBeGreaterThan(0.85 * noise);
  });

  it('gives the same model for the same seed and a different one for another seed', () => {
    const data = plantedRatings({
      users: 40,
      items: 30,
      density: 0.5,
      rank: 2,
      noise: 0.5,
      seed: 1,
    });
    const first = fitSvd(data, { implementation, factors: 4, epochs: 5, seed: 9 });
    const again = fitSvd(data, { implementation, factors: 4, epochs: 5, seed: 9 });
    const other = fitSvd(data, { implementation, factors: 4, epochs: 5, seed: 10 });
    expect(again.userFactors).toEqual(first.userFactors);
    expect(again.itemBias).toEqual(first.itemBias);
    const moved = first.userFactors.reduce(
      (sum, value, f) => sum + Math.abs(value - other.userFactors[f]),
      0,
    );
    expect(moved / first.userFactors.length).toBeGreaterThan(0.01);
  });

  it('keeps biases at zero, predicts q·p and falls back to μ when unbiased', () => {
    const model = fitSvd(twoRatings, {
      implementation,
      factors: 2,
      epochs: 3,
      biased: false,
      initMean: 1,
      initStd: 0,
    });
    expect([...model.userBias, ...model.itemBias]).toEqual([0, 0, 0, 0]);
    const [p, q] = [model.userFactors.slice(2, 4), model.itemFactors.slice(2, 4)];
    expect(predictRating(model, 7, 40).estimate).toBeCloseTo(p[0] * q[0] + p[1] * q[1], 6);
    expect(predictRating(model, 99, 40)).toEqual({
      estimate: 3.5,
      wasImpossible: true,
      unknown: 'user',
    });
    // From q·p = 2 towards 5: each epoch adds about γ e q = 0.005 · 3 · 1 to every factor.
    expect(p[0]).toBeGreaterThan(1.03);
    expect(p[0]).toBeLessThan(1.06);
  });
});

describe('the fast and the reference implementations', () => {
  it('agree to single precision after several epochs', () => {
    const data = plantedRatings({
      users: 60,
      items: 50,
      density: 0.4,
      rank: 3,
      noise: 0.4,
      seed: 5,
    });
    const options = { factors: 10, epochs: 5, seed: 2 };
    const fast = fitSvd(data, { ...options, implementation: 'fast' });
    const reference = fitSvd(data, { ...options, implementation: 'reference' });
    let largest = 0;
    for (let x = 0; x < fast.userFactors.length; x++) {
      largest = Math.max(largest, Math.abs(fast.userFactors[x] - reference.userFactors[x]));
    }
    expect(largest).toBeLessThan(1e-5);
    expect(fast.itemBias[3]).toBeCloseTo(reference.itemBias[3], 5);
  });
});

describe('predictRating', () => {
  const model = fitSvd(twoRatings, { factors: 2, epochs: 2, seed: 4 });
  const mu = 3.5;

  it('predicts a known pair with μ + b_u + b_i + q·p, flagged possible', () => {
    const [p, q] = [model.userFactors.slice(2, 4), model.itemFactors.slice(2, 4)];
    const expected = mu + model.userBias[1] + model.itemBias[1] + p[0] * q[0] + p[1] * q[1];
    expect(predictRating(model, 7, 40)).toEqual({
      estimate: expect.closeTo(expected, 6) as number,
      wasImpossible: false,
    });
  });

  it('falls back to μ + b_i, μ + b_u and μ for an unknown user, item or both', () => {
    expect(predictRating(model, 99, 40)).toEqual({
      estimate: expect.closeTo(mu + model.itemBias[1], 6) as number,
      wasImpossible: true,
      unknown: 'user',
    });
    expect(predictRating(model, 3, 99)).toEqual({
      estimate: expect.closeTo(mu + model.userBias[0], 6) as number,
      wasImpossible: true,
      unknown: 'item',
    });
    expect(predictRating(model, 98, 99)).toEqual({
      estimate: mu,
      wasImpossible: true,
      unknown: 'both',
    });
  });

  it('clips estimates to the rating scale', () => {
    const wide = fitSvd(twoRatings, { factors: 2, epochs: 0, initMean: 3, initStd: 0 });
    expect(predictRating(wide, 7, 40).estimate).toBe(5); // 3.5 + 3·3 + 3·3 clipped
  });
});
