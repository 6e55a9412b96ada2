import { describe, expect, it } from 'vitest';
import { fitBaselineOnly } from '../../../main/core/recommender/algorithms/baselines.ts';
import {
  crossValidate,
  evaluateTrainTest,
} from '../../../main/core/recommender/evaluation/cross-validate.ts';
import { formatCrossValidation } from '../../../main/core/recommender/evaluation/format-cross-validation.ts';
import { indexRatings } from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { kFoldSplits, trainTestSplit } from '../../../main/core/recommender/evaluation/splits.ts';
import { plantedRatings } from './planted-ratings.ts';

describe('splits', () => {
  it('cuts k folds that partition the positions, sizes within one, reproducibly', () => {
    const splits = kFoldSplits(103, 5, 8);
    expect(splits.map((s) => s.test.length)).toEqual([21, 21, 21, 20, 20]);
    const tested = splits.flatMap((s) => [...s.test]).sort((a, b) => a - b);
    expect(tested).toEqual([...Array(103).keys()]);
    for (const split of splits) {
      expect(split.train.length + split.test.length).toBe(103);
      expect(split.train.some((p) => split.test.includes(p))).toBe(false);
    }
    expect(kFoldSplits(103, 5, 8)[2].test).toEqual(splits[2].test);
    expect(kFoldSplits(103, 5, 9)[2].test).not.toEqual(splits[2].test);
    expect(() => kFoldSplits(3, 5, 0)).toThrow(RangeError);
  });

  it('holds out the requested share for a train/test split', () => {
    const split = trainTestSplit(1000, 0.25, 3);
    expect(split.test.length).toBe(250);
    expect(new Set([...split.train, ...split.test]).size).toBe(1000);
  });
});

describe('fitBaselineOnly', () => {
  it('runs ALS as Surprise: b_i then b_u, shrunk by λ + count', () => {
    const data = indexRatings({
      userIds: Int32Array.of(1, 1, 2),
      trackIds: Int32Array.of(10, 20, 10),
      ratings: Float32Array.of(5, 3, 1),
    });
    const model = fitBaselineOnly(data, { epochs: 1, regUser: 1, regItem: 1 });
    const mu = 3;
    const bi = [(5 - mu + 1 - mu) / (1 + 2), (3 - mu) / (1 + 1)];
    expect(model.itemBias[0]).toBeCloseTo(bi[0], 12);
    expect(model.itemBias[1]).toBeCloseTo(bi[1], 12);
    expect(model.userBias[0]).toBeCloseTo((5 - mu - bi[0] + 3 - mu - bi[1]) / 3, 12);
    expect(model.userBias[1]).toBeCloseTo((1 - mu - bi[0]) / 2, 12);
  });
});

describe('crossValidate', () => {
  const data = plantedRatings({
    users: 120,
    items: 80,
    density: 0.35,
    rank: 3,
    noise: 0.4,
    seed: 12,
  });
  const stars = {
    ...data,
    ratings: data.ratings.map((r) => Math.min(5, Math.max(1, Math.round(r)))),
  };

  it('ranks SVD above the bias baseline above the global mean on planted data', () => {
    const options = { factors: 5, epochs: 60, learningRate: 0.01, seed: 1 };
    const svd = crossValidate(stars, { algorithm: 'svd', options, folds: 3, seed: 2, k: 5 });
    const bias = crossValidate(stars, { algorithm: 'baseline-only', folds: 3, seed: 2, k: 5 });
    const mean = crossValidate(stars, { algorithm: 'global-mean', folds: 3, seed: 2, k: 5 });
    expect(svd.folds).toHaveLength(3);
    expect(svd.mean.rmse).toBeLessThan(bias.mean.rmse - 0.05);
    expect(bias.mean.rmse).toBeLessThan(mean.mean.rmse - 0.05);
    expect(svd.mean.mae).toBeLessThan(bias.mean.mae);
    expect(svd.mean.fcp).toBeGreaterThan(0.7);
    expect(svd.mean.ndcg).toBeGreaterThan(mean.mean.ndcg);
    expect(svd.sd.rmse).toBeLessThan(0.05);
    const rmses = svd.folds.map((fold) => fold.rmse);
    expect(svd.mean.rmse).toBeCloseTo(rmses.reduce((a, b) => a + b) / 3, 12);
  });

  it('formats a table like Surprise: one column per fold, then mean and std', () => {
    const result = crossValidate(stars, { algorithm: 'popularity', folds: 4, seed: 1, k: 10 });
    const lines = formatCrossValidation(result).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Evaluating RMSE, MAE, FCP, Precision@10, Recall@10, NDCG@10, HitRate@10, MAP@10, Coverage@10, Novelty@10, Diversity@10 of algorithm popularity on 4 split(s).',
    );
    expect(lines[2].split(/\s{2,}/).filter(Boolean)).toEqual([
      'Fold 1',
      'Fold 2',
      'Fold 3',
      'Fold 4',
      'Mean',
      'Std',
    ]);
    const rmseCells = lines[3].split(/\s+/).slice(2);
    expect(rmseCells).toHaveLength(6);
    expect(Number(rmseCells[4])).toBeCloseTo(result.mean.rmse, 4);
    expect(lines[15]).toMatch(/^Test time/);
    expect(lines.at(-1)).toBe('Ranking: full-catalog protocol, relevant = held-out rating ≥ 4.');
  });

  it('evaluates one seeded train/test split, counting test pairs the training part lacked', () => {
    const result = evaluateTrainTest(stars, {
      algorithm: 'baseline-only',
      testFraction: 0.3,
      seed: 5,
    });
    expect(result.testCount).toBe(Math.round(stars.ratings.length * 0.3));
    expect(result.impossibleCount).toBeLessThan(result.testCount * 0.05);
    expect(result.rmse).toBeGreaterThan(0.3);
    expect(result.rmse).toBeLessThan(1.2);
  });
});
