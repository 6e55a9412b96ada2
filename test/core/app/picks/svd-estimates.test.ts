import { describe, expect, it } from 'vitest';
import { createSvdEstimator } from '../../../../main/core/app/picks/svd-estimates.ts';
import { recommend } from '../../../../main/core/recommender/algorithms/recommend.ts';
import type { SvdModel } from '../../../../main/core/recommender/algorithms/svd-model.ts';
import { resolveSvdOptions } from '../../../../main/core/recommender/algorithms/svd-options.ts';

/** Two tastes: tracks 1 and 3 lean one way, 2 and 4 the other; track 5 is neither. */
const model: SvdModel = {
  algorithm: 'svd',
  options: resolveSvdOptions({ factors: 2 }),
  factors: 2,
  globalMean: 3,
  userIds: Int32Array.of(1),
  itemIds: Int32Array.of(1, 2, 3, 4, 5),
  userBias: new Float32Array(1),
  itemBias: Float32Array.of(0.2, -0.1, 0.1, 0, 0.3),
  userFactors: new Float32Array(2),
  itemFactors: Float32Array.of(1, 0, 0, 1, 0.9, 0.1, 0.1, 0.9, 0.05, 0.05),
};
const listener = { trackIds: [1, 2], ratings: [5, 1] };
const penalties = { regBias: 1, regFactors: 1 };

/** x_iᵀ A⁻¹ x_i by Cramer's rule on the 3 × 3 A = XᵀX + I, X rows [1, q_j]. */
function bruteSpread(item: number): number {
  const rows = [0, 1].map((j) => [1, model.itemFactors[j * 2], model.itemFactors[j * 2 + 1]]);
  const a = [0, 1, 2].map((r) =>
    [0, 1, 2].map((c) => rows.reduce((s, x) => s + x[r] * x[c], 0) + (r === c ? 1 : 0)),
  );
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const x = [1, model.itemFactors[item * 2], model.itemFactors[item * 2 + 1]];
  const d = det(a);
  const solved = [0, 1, 2].map(
    (c) => det(a.map((row, r) => row.map((v, k) => (k === c ? x[r] : v)))) / d,
  );
  return Math.sqrt(solved.reduce((s, v, k) => s + v * x[k], 0));
}

describe('createSvdEstimator', () => {
  it('scores a song exactly as the fold-in recommender does, unclipped', () => {
    const estimate = createSvdEstimator(model, listener, penalties);
    const { recommendations } = recommend(model, listener, { ...penalties, count: 3 });
    for (const r of recommendations) expect(estimate(r.trackId)?.score).toBeCloseTo(r.score, 6);
  });

  it('gives the ridge posterior spread √(xᵀA⁻¹x), wider for songs the ratings say less about', () => {
    const estimate = createSvdEstimator(model, listener, penalties);
    for (const [trackId, item] of [
      [3, 2],
      [4, 3],
      [5, 4],
    ]) {
      expect(estimate(trackId)?.spread).toBeCloseTo(bruteSpread(item), 6);
    }
    // With only two ratings, every estimate keeps a visible spread of about 0.5 or more.
    expect(estimate(5)!.spread).toBeGreaterThan(0.5);
  });

  it('knows nothing of a song the model has never seen', () => {
    expect(createSvdEstimator(model, listener, penalties)(99)).toBeUndefined();
  });
});
