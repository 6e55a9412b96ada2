import type { RatingArrays } from '../../store/rating-repository.ts';
import {
  fractionOfConcordantPairs,
  groupByUser,
  meanAbsoluteError,
  rootMeanSquaredError,
} from './accuracy-metrics.ts';
import { denseIndexOf, indexRatings } from '../algorithms/indexed-ratings.ts';
import type { AlgorithmSpec } from '../algorithms/predictors.ts';
import { trainPredictor } from '../algorithms/predictors.ts';
import { rankingMetrics } from './ranking-metrics.ts';
import type { Split } from './splits.ts';
import { subsetRatings } from './splits.ts';

/** Every figure measured on one split. Ranking metrics are at `k`, relevance r ≥ threshold. */
export interface SplitMetrics {
  readonly rmse: number;
  readonly mae: number;
  readonly fcp: number;
  readonly precision: number;
  readonly recall: number;
  readonly ndcg: number;
  readonly hitRate: number;
  readonly fitSeconds: number;
  readonly testSeconds: number;
}

export type MetricName = keyof SplitMetrics;

export const metricNames: readonly MetricName[] = [
  'rmse',
  'mae',
  'fcp',
  'precision',
  'recall',
  'ndcg',
  'hitRate',
  'fitSeconds',
  'testSeconds',
];

export interface SplitResult extends SplitMetrics {
  readonly trainCount: number;
  readonly testCount: number;
  /** Test ratings whose user or item the training part lacked (scored with the fallback). */
  readonly impossibleCount: number;
}

export interface EvaluationSettings {
  /** Cut-off of the ranking metrics. Default 10. */
  readonly k?: number;
  /** Stars at which a test item counts as relevant. Default 4. */
  readonly relevanceThreshold?: number;
  /** The data's rating scale, which predictions are clipped to (Surprise's Reader). Default 1–5. */
  readonly ratingScale?: { readonly min: number; readonly max: number };
}

/** Trains `spec` on the split's training positions and measures it on its test positions. */
export function evaluateSplit(
  ratings: RatingArrays,
  split: Split,
  spec: AlgorithmSpec,
  settings: EvaluationSettings = {},
): SplitResult {
  const fitStart = performance.now();
  const train = indexRatings(subsetRatings(ratings, split.train));
  const predictor = trainPredictor(spec, train, settings.ratingScale);
  const fitSeconds = (performance.now() - fitStart) / 1000;
  const testStart = performance.now();
  const test = subsetRatings(ratings, split.test);
  const estimates = new Float64Array(split.test.length);
  const scores = new Float64Array(split.test.length);
  let impossibleCount = 0;
  for (let t = 0; t < estimates.length; t++) {
    const user = denseIndexOf(train.userIds, test.userIds[t]);
    const item = denseIndexOf(train.itemIds, test.trackIds[t]);
    if (user < 0 || item < 0) impossibleCount++;
    estimates[t] = predictor.estimate(user, item);
    scores[t] = predictor.rankScore(user, item);
  }
  const groups = groupByUser(test.userIds);
  const ranking = rankingMetrics(
    groups,
    scores,
    test.ratings,
    settings.k ?? 10,
    settings.relevanceThreshold ?? 4,
  );
  return {
    rmse: rootMeanSquaredError(estimates, test.ratings),
    mae: meanAbsoluteError(estimates, test.ratings),
    fcp: fractionOfConcordantPairs(groups, estimates, test.ratings),
    ...ranking,
    fitSeconds,
    testSeconds: (performance.now() - testStart) / 1000,
    trainCount: split.train.length,
    testCount: split.test.length,
    impossibleCount,
  };
}
