import type { RatingArrays } from '../../store/rating-repository.ts';
import {
  fractionOfConcordantPairs,
  groupByUser,
  meanAbsoluteError,
  rootMeanSquaredError,
} from './accuracy-metrics.ts';
import { denseIndexOf, indexRatings } from '../algorithms/indexed-ratings.ts';
import type { IndexedRatings } from '../algorithms/indexed-ratings.ts';
import type { AlgorithmSpec, Predictor } from '../algorithms/predictors.ts';
import { trainPredictor } from '../algorithms/predictors.ts';
import { ratingRows } from '../algorithms/rating-rows.ts';
import type { CalibrationSums } from './calibration-table.ts';
import { itemAudience, listMetrics } from './list-metrics.ts';
import type { RankingProtocol } from './ranking-protocols.ts';
import { fullCatalogLists, ratedOnlyLists } from './ranking-protocols.ts';
import { splitCalibration } from './split-calibration.ts';
import type { Split } from './splits.ts';
import { subsetRatings } from './splits.ts';
import { topKAccuracy } from './top-k-metrics.ts';

/** Every figure measured on one split. Ranking metrics are at `k`, relevance r ≥ threshold. */
export interface SplitMetrics {
  readonly rmse: number;
  readonly mae: number;
  readonly fcp: number;
  readonly precision: number;
  readonly recall: number;
  readonly ndcg: number;
  readonly hitRate: number;
  readonly map: number;
  readonly coverage: number;
  readonly novelty: number;
  readonly diversity: number;
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
  'map',
  'coverage',
  'novelty',
  'diversity',
  'fitSeconds',
  'testSeconds',
];

export interface SplitResult extends SplitMetrics {
  readonly trainCount: number;
  readonly testCount: number;
  /** Test ratings whose user or item the training part lacked (scored with the fallback). */
  readonly impossibleCount: number;
  /** Users with a ranked list (full catalog: those with a relevant held-out rating). */
  readonly rankedUsers: number;
  /** Held-out stars binned by prediction, before and after calibration (SVD-backed stars). */
  readonly calibration?: {
    readonly clipped: CalibrationSums;
    readonly calibrated: CalibrationSums;
  };
}

export interface EvaluationSettings {
  /** Cut-off of the ranking metrics. Default 10. */
  readonly k?: number;
  /** Stars at which a test item counts as relevant. Default 4. */
  readonly relevanceThreshold?: number;
  /** The data's rating scale, which predictions are clipped to (Surprise's Reader). Default 1–5. */
  readonly ratingScale?: { readonly min: number; readonly max: number };
  /** Default 'full-catalog'. */
  readonly rankingProtocol?: RankingProtocol;
  /** Measure the star calibration where the stars come from SVD. Default true. */
  readonly calibration?: boolean;
}

interface TestPredictions {
  readonly estimates: Float64Array;
  readonly scores: Float64Array;
  readonly items: Int32Array;
  readonly impossibleCount: number;
}

function predictTest(
  train: IndexedRatings,
  test: RatingArrays,
  predictor: Predictor,
): TestPredictions {
  const estimates = new Float64Array(test.ratings.length);
  const scores = new Float64Array(test.ratings.length);
  const items = new Int32Array(test.ratings.length);
  let impossibleCount = 0;
  for (let t = 0; t < estimates.length; t++) {
    const user = denseIndexOf(train.userIds, test.userIds[t]);
    items[t] = denseIndexOf(train.itemIds, test.trackIds[t]);
    if (user < 0 || items[t] < 0) impossibleCount++;
    estimates[t] = predictor.estimate(user, items[t]);
    scores[t] = predictor.rankScore(user, items[t]);
  }
  return { estimates, scores, items, impossibleCount };
}

/** RMSE, MAE and FCP; NaN for a model that predicts no stars. */
function ratingMetrics(groups: Int32Array[], estimates: Float64Array, truth: Float32Array) {
  if (estimates.every(Number.isNaN)) return { rmse: NaN, mae: NaN, fcp: NaN };
  return {
    rmse: rootMeanSquaredError(estimates, truth),
    mae: meanAbsoluteError(estimates, truth),
    fcp: fractionOfConcordantPairs(groups, estimates, truth),
  };
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
  const predictions = predictTest(train, test, predictor);
  const groups = groupByUser(test.userIds);
  const cut = { k: settings.k ?? 10, threshold: settings.relevanceThreshold ?? 4 };
  const lists =
    settings.rankingProtocol === 'rated-only'
      ? ratedOnlyLists(groups, predictions.items, predictions.scores, test.ratings, cut)
      : fullCatalogLists(train, ratingRows(train, 'user'), test, predictor.scoreCatalog, cut);
  const testSeconds = (performance.now() - testStart) / 1000;
  const calibration =
    settings.calibration === false
      ? undefined
      : splitCalibration(spec, train, test, predictor, settings.ratingScale);
  return {
    ...ratingMetrics(groups, predictions.estimates, test.ratings),
    ...topKAccuracy(lists, cut.k),
    ...listMetrics(lists, itemAudience(train)),
    fitSeconds,
    testSeconds,
    trainCount: split.train.length,
    testCount: split.test.length,
    impossibleCount: predictions.impossibleCount,
    rankedUsers: lists.length,
    ...(calibration === undefined ? {} : { calibration }),
  };
}
