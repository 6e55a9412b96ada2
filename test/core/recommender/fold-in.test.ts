import { describe, expect, it } from 'vitest';
import { foldInListener } from '../../../main/core/recommender/algorithms/fold-in.ts';
import {
  createRecommender,
  recommend,
} from '../../../main/core/recommender/algorithms/recommend.ts';
import { fitSvd } from '../../../main/core/recommender/algorithms/svd.ts';
import type { SvdModel } from '../../../main/core/recommender/algorithms/svd-model.ts';
import { estimateSvd } from '../../../main/core/recommender/algorithms/svd-model.ts';
import { resolveSvdOptions } from '../../../main/core/recommender/algorithms/svd-options.ts';
import { plantedRatings } from './planted-ratings.ts';

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let [sa, sb] = [0, 0];
  for (let i = 0; i < n; i++) [sa, sb] = [sa + a[i], sb + b[i]];
  const [ma, mb] = [sa / n, sb / n];
  let [cov, va, vb] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

/** Two tastes: tracks 1 and 3 lean one way, 2 and 4 the other; μ = 3, no biases. */
function handModel(): SvdModel {
  return {
    algorithm: 'svd',
    options: resolveSvdOptions({ factors: 2 }),
    factors: 2,
    globalMean: 3,
    userIds: Int32Array.of(1),
    itemIds: Int32Array.of(1, 2, 3, 4),
    userBias: new Float32Array(1),
    itemBias: new Float32Array(4),
    userFactors: new Float32Array(2),
    itemFactors: Float32Array.of(1, 0, 0, 1, 0.9, 0.1, 0.1, 0.9),
  };
}

describe('fold-in', () => {
  const data = plantedRatings({
    users: 200,
    items: 150,
    density: 0.3,
    rank: 3,
    noise: 0.3,
    seed: 21,
  });
  // Trained close to convergence, where SGD's user side sits at the ridge solution fold-in
  // computes (with Surprise's 20 epochs at γ = 0.005 a small set is far from it).
  const model = fitSvd(data, { factors: 5, epochs: 100, learningRate: 0.01, seed: 4 });
  const recommender = createRecommender(model);

  it("reproduces a training user's trained predictions from their own ratings", () => {
    for (const user of [0, 17, 88, 150, 199]) {
      const rows = [...data.userIds.keys()].filter((r) => data.userIds[r] === model.userIds[user]);
      const listener = {
        trackIds: rows.map((r) => data.trackIds[r]),
        ratings: rows.map((r) => data.ratings[r]),
      };
      const folded = foldInListener(model, listener);
      const trained = Array.from(model.itemIds, (_, item) => estimateSvd(model, user, item));
      const foldedScores = Array.from(model.itemIds, (_, item) => {
        let score = model.globalMean + model.itemBias[item] + folded.theta[0];
        for (let f = 0; f < 5; f++) score += model.itemFactors[item * 5 + f] * folded.theta[1 + f];
        return score;
      });
      expect(pearson(trained, foldedScores)).toBeGreaterThan(0.9);
      expect(folded.theta[0]).toBeCloseTo(model.userBias[user], 1);
      const rated = new Set(listener.trackIds);
      const trainedTop = [...model.itemIds.keys()]
        .filter((item) => !rated.has(model.itemIds[item]))
        .sort((a, b) => trained[b] - trained[a])
        .slice(0, 10)
        .map((item) => model.itemIds[item]);
      const { recommendations } = recommender.recommend(listener, { count: 10 });
      const overlap = recommendations.filter((r) => trainedTop.includes(r.trackId)).length;
      expect(overlap).toBeGreaterThanOrEqual(5);
    }
  });

  it('explains each score exactly: baseline plus the per-rating terms', () => {
    const listener = { trackIds: [5001, 5010, 5020, 5033, 5100], ratings: [5, 4, 1, 2, 5] };
    const { listener: folded, recommendations } = recommender.recommend(listener, { count: 5 });
    expect(recommendations).toHaveLength(5);
    for (const rec of recommendations) {
      const item = rec.trackId - 5001;
      let score = model.globalMean + model.itemBias[item] + folded.theta[0];
      for (let f = 0; f < 5; f++) score += model.itemFactors[item * 5 + f] * folded.theta[1 + f];
      const total = rec.contributions.reduce((sum, term) => sum + term.contribution, rec.baseline);
      expect(total).toBeCloseTo(score, 9);
      expect(rec.score).toBeCloseTo(score, 9);
      expect(rec.contributions).toHaveLength(5);
      expect(rec.because).toBe(rec.contributions[0]);
      expect(listener.trackIds).not.toContain(rec.trackId);
    }
    const scores = recommendations.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('names the rated song that pulls a recommendation up', () => {
    const listener = { trackIds: [1, 2], ratings: [5, 1] };
    const light = { count: 2, regBias: 0.1, regFactors: 0.1 };
    const [first, second] = recommend(handModel(), listener, light).recommendations;
    expect(first.trackId).toBe(3);
    expect(first.because).toMatchObject({ trackId: 1, rating: 5 });
    expect(first.because!.contribution).toBeGreaterThan(1);
    expect(first.estimate).toBeGreaterThan(4);
    expect(second.trackId).toBe(4);
    expect(second.estimate).toBeLessThan(2);
  });

  it('shrinks a listener with two ratings towards the mean by default (the fixed prior)', () => {
    const listener = { trackIds: [1, 2], ratings: [5, 1] };
    const [first, second] = recommend(handModel(), listener, { count: 2 }).recommendations;
    expect(first).toMatchObject({ trackId: 3, because: { trackId: 1 } });
    // ρ = 5 + 2·0.02 outweighs |q_j|² = 1, so p_u keeps a fraction of the light solve’s pull.
    expect(first.estimate).toBeGreaterThan(3.15);
    expect(first.estimate).toBeLessThan(3.4);
    expect(second.estimate).toBeLessThan(3 - 0.15);
  });

  it('ignores and reports tracks the model never saw, and skips excluded ones', () => {
    const listener = { trackIds: [1, 999], ratings: [5, 4] };
    const result = recommend(handModel(), listener, { count: 3, exclude: [3] });
    expect(result.listener.unknownTrackIds).toEqual([999]);
    expect(result.recommendations.map((r) => r.trackId)).toEqual([4, 2]);
  });

  it('ranks by μ + b_i when the listener rated nothing the model knows', () => {
    const model = { ...handModel(), itemBias: Float32Array.of(0, 0.5, -0.5, 0.2) };
    const { recommendations } = recommend(model, { trackIds: [], ratings: [] }, { count: 4 });
    expect(recommendations.map((r) => r.trackId)).toEqual([2, 4, 1, 3]);
    expect(recommendations[0]).toMatchObject({ estimate: 3.5, because: undefined });
  });

  it('rejects a track rated twice or a non-finite rating', () => {
    expect(() => foldInListener(handModel(), { trackIds: [1, 1], ratings: [5, 4] })).toThrow(
      /twice/,
    );
    expect(() => foldInListener(handModel(), { trackIds: [1], ratings: [NaN] })).toThrow(
      RangeError,
    );
  });
});
