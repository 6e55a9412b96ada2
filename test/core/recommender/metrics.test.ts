import { describe, expect, it } from 'vitest';
import { indexRatings } from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { ratingRows } from '../../../main/core/recommender/algorithms/rating-rows.ts';
import {
  fractionOfConcordantPairs,
  groupByUser,
  meanAbsoluteError,
  rootMeanSquaredError,
} from '../../../main/core/recommender/evaluation/accuracy-metrics.ts';
import {
  itemAudience,
  listMetrics,
} from '../../../main/core/recommender/evaluation/list-metrics.ts';
import {
  fullCatalogLists,
  ratedOnlyLists,
} from '../../../main/core/recommender/evaluation/ranking-protocols.ts';
import type { JudgedList } from '../../../main/core/recommender/evaluation/top-k-metrics.ts';
import { topKAccuracy } from '../../../main/core/recommender/evaluation/top-k-metrics.ts';

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

const list = (items: number[], hits: number[], relevantCount: number): JudgedList => ({
  items: Int32Array.from(items),
  hits: Uint8Array.from(hits),
  relevantCount,
});

describe('topKAccuracy', () => {
  it('measures precision, recall, NDCG, hit rate and MAP at k by hand', () => {
    // A: hits at ranks 0 and 2 of 3, 4 relevant in all. B: no hit, 1 relevant.
    const lists = [list([10, 11, 12], [1, 0, 1], 4), list([13, 14, 15], [0, 0, 0], 1)];
    const metrics = topKAccuracy(lists, 3);
    expect(metrics.precision).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(metrics.recall).toBeCloseTo((2 / 4 + 0) / 2, 12);
    // A: DCG = 1 + 1/log2(4) = 1.5; ideal (min(3, 4) = 3 hits) = 1 + 1/log2(3) + 1/2
    const idealA = 1 + 1 / Math.log2(3) + 0.5;
    expect(metrics.ndcg).toBeCloseTo((1.5 / idealA + 0) / 2, 12);
    expect(metrics.hitRate).toBeCloseTo(0.5, 12);
    // A: AP@3 = (1/1 + 2/3) / min(3, 4) = 5/9
    expect(metrics.map).toBeCloseTo((5 / 9 + 0) / 2, 12);
  });

  it('gives a perfect list 1 on every measure and an empty-handed one 0', () => {
    const perfect = topKAccuracy([list([1, 2], [1, 1], 2)], 2);
    expect(perfect).toEqual({ precision: 1, recall: 1, ndcg: 1, hitRate: 1, map: 1 });
    const none = topKAccuracy([list([1, 2], [0, 0], 2)], 2);
    expect(none).toEqual({ precision: 0, recall: 0, ndcg: 0, hitRate: 0, map: 0 });
    expect(() => topKAccuracy([list([1, 2, 3], [0, 0, 0], 1)], 2)).toThrow(/k items/);
  });
});

describe('ranking protocols', () => {
  // Users 1 and 2 over tracks 10–14 (dense items 0–4).
  const train = indexRatings({
    userIds: Int32Array.of(1, 1, 2, 2, 2),
    trackIds: Int32Array.of(10, 11, 10, 12, 14),
    ratings: Float32Array.of(5, 3, 4, 2, 5),
  });
  const test = {
    userIds: Int32Array.of(1, 1, 2, 3),
    trackIds: Int32Array.of(12, 13, 11, 10),
    ratings: Float32Array.of(5, 2, 4, 5),
  };

  it('ranks the full catalog minus training items, only for known users with a relevant item', () => {
    // Dense items: 10 → 0, 11 → 1, 12 → 2, 14 → 3 (13 is held out only). Scores favour higher
    // items: user 1 (rated 10, 11) gets [14, 12]; user 2 (rated 10, 12, 14) only has 11 left.
    const scores = Float64Array.of(0, 1, 2, 3);
    const lists = fullCatalogLists(train, ratingRows(train, 'user'), test, () => scores, {
      k: 2,
      threshold: 4,
    });
    expect(lists.map((l) => Array.from(l.items))).toEqual([[3, 2], [1]]);
    expect(lists.map((l) => Array.from(l.hits))).toEqual([[0, 1], [1]]);
    // User 3 is unknown to training, so has no list; 13 (2★) is not relevant.
    expect(lists.map((l) => l.relevantCount)).toEqual([1, 1]);
  });

  it('ranks only held-out items in the rated-only protocol', () => {
    const groups = groupByUser(test.userIds);
    const items = Int32Array.of(2, -1, 1, 0);
    const lists = ratedOnlyLists(groups, items, [0.1, 0.9, 0.5, 0.2], test.ratings, {
      k: 10,
      threshold: 4,
    });
    expect(lists.map((l) => Array.from(l.items))).toEqual([[-1, 2], [1], [0]]);
    expect(lists.map((l) => Array.from(l.hits))).toEqual([[0, 1], [1], [1]]);
  });
});

describe('listMetrics', () => {
  // Four users; item 0 rated by users 0,1; item 1 by 0,1; item 2 by 2,3; item 3 by 0 only.
  const train = indexRatings({
    userIds: Int32Array.of(0, 1, 0, 1, 2, 3, 0),
    trackIds: Int32Array.of(0, 0, 1, 1, 2, 2, 3),
    ratings: Float32Array.of(5, 5, 5, 5, 5, 5, 5),
  });
  const audience = itemAudience(train);

  it('computes coverage, novelty and co-rating diversity by hand', () => {
    const lists = [list([0, 1], [0, 0], 1), list([0, 2], [0, 0], 1)];
    const metrics = listMetrics(lists, audience);
    expect(metrics.coverage).toBeCloseTo(3 / 4, 12);
    // pop: item 0 = 2/4, item 1 = 2/4, item 2 = 2/4 → −log2(1/2) = 1 each
    expect(metrics.novelty).toBeCloseTo(1, 12);
    // cos(0,1) = 2/√(2·2) = 1 → 0; cos(0,2) = 0 → 1; mean over the two lists = 0.5
    expect(metrics.diversity).toBeCloseTo(0.5, 12);
  });

  it('weighs a rarely rated item as more novel and a partly shared pair as partly diverse', () => {
    const metrics = listMetrics([list([0, 3], [0, 0], 1)], audience);
    // −log2(2/4) = 1 and −log2(1/4) = 2 → 1.5; cos(0, 3) = 1/√(2·1)
    expect(metrics.novelty).toBeCloseTo(1.5, 12);
    expect(metrics.diversity).toBeCloseTo(1 - 1 / Math.SQRT2, 12);
    expect(metrics.coverage).toBeCloseTo(2 / 4, 12);
  });
});
