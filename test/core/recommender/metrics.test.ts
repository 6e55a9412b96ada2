import { describe, expect, it } from 'vitest';
import {
  fractionOfConcordantPairs,
  groupByUser,
  meanAbsoluteError,
  rootMeanSquaredError,
} from '../../../main/core/recommender/evaluation/accuracy-metrics.ts';
import { rankingMetrics } from '../../../main/core/recommender/evaluation/ranking-metrics.ts';

describe('accuracy metrics', () => {
  const truth = Float32Array.of(4, 2, 5, 1);
  const estimates = Float64Array.of(3.5, 2.5, 4, 2);

  it('computes RMSE and MAE by hand', () => {
    // errors 0.5, 0.5, 1, 1: RMSE = √(2.5 / 4), MAE = 3 / 4
    expect(rootMeanSquaredError(estimates, truth)).toBeCloseTo(Math.sqrt(0.625), 12);
    expect(meanAbsoluteError(estimates, truth)).toBeCloseTo(0.75, 12);
    expect(() => rootMeanSquaredError(estimates, truth.subarray(1))).toThrow(RangeError);
  });

  it('pools concordant pairs over users, ties in the estimate counting as discordant', () => {
    // user 1 (positions 0–2): pairs (0>1) c, (2>0) c, (2>1) c; user 2 (3–4): (4>3) tie → d
    const groups = groupByUser(Int32Array.of(1, 1, 1, 2, 2));
    const fcp = fractionOfConcordantPairs(groups, [3.5, 2.5, 4, 3, 3], [4, 2, 5, 1, 3]);
    expect(fcp).toBeCloseTo(3 / 4, 12);
  });
});

describe('rankingMetrics', () => {
  it('measures the top k of each user against r ≥ 4 by hand', () => {
    // user A: scores rank positions 0, 2, 1, 3; relevant: 0 and 3
    // user B: one test item, not relevant
    const groups = [Int32Array.of(0, 1, 2, 3), Int32Array.of(4)];
    const scores = [0.9, 0.1, 0.5, 0.3, 1];
    const truth = [5, 3, 2, 4, 2];
    const metrics = rankingMetrics(groups, scores, truth, 2);
    // A's top 2 = [0, 2]: 1 hit. precision: A 1/2, B 0/1 → 0.25. Recall A 1/2.
    expect(metrics.precision).toBeCloseTo(0.25, 12);
    expect(metrics.recall).toBeCloseTo(0.5, 12);
    // DCG = 1/log2(2) = 1; ideal = 1 + 1/log2(3)
    expect(metrics.ndcg).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
    expect(metrics.hitRate).toBe(1);
  });

  it('gives a perfect ranking NDCG 1 and a reversed one less', () => {
    const groups = [Int32Array.of(0, 1, 2, 3)];
    const truth = [5, 4, 1, 1];
    expect(rankingMetrics(groups, [4, 3, 2, 1], truth, 2).ndcg).toBe(1);
    expect(rankingMetrics(groups, [1, 2, 3, 4], truth, 2)).toMatchObject({ ndcg: 0, hitRate: 0 });
  });
});
