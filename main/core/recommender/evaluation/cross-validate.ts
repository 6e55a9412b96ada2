import type { RatingArrays } from '../../store/rating-repository.ts';
import type { EvaluationSettings, MetricName, SplitResult } from './evaluate.ts';
import { evaluateSplit, metricNames } from './evaluate.ts';
import { checkRatingArrays } from '../algorithms/indexed-ratings.ts';
import type { AlgorithmName, AlgorithmSpec } from '../algorithms/predictors.ts';
import { kFoldSplits, trainTestSplit } from './splits.ts';
import type { CalibrationTable } from './calibration-table.ts';
import {
  calibrationBinWidth,
  calibrationTable,
  emptyCalibrationSums,
  mergeCalibration,
} from './calibration-table.ts';
import type { RankingProtocol } from './ranking-protocols.ts';

export type CrossValidateOptions = AlgorithmSpec &
  EvaluationSettings & {
    /** Number of folds. Default 5. */
    readonly folds?: number;
    /** Seeds the shuffle of the folds (the algorithm's own seed is in its options). Default 0. */
    readonly seed?: number;
    /** Hears each fold as it finishes. */
    readonly onFold?: (result: SplitResult, fold: number, folds: number) => void;
  };

/** The ranking figures of a cross-validation, means over the folds. */
export interface RankingSummary {
  readonly protocol: RankingProtocol;
  readonly k: number;
  readonly precision: number;
  readonly recall: number;
  readonly ndcg: number;
  readonly hitRate: number;
  readonly map: number;
  readonly coverage: number;
  readonly novelty: number;
  readonly diversity: number;
}

export interface CrossValidationResult {
  readonly algorithm: AlgorithmName;
  readonly k: number;
  readonly relevanceThreshold: number;
  readonly ranking: RankingSummary;
  /** Held-out stars by 0.5-star bin, pooled over the folds: clipped, then calibrated (SVD stars). */
  readonly calibration?: readonly CalibrationTable[];
  readonly folds: readonly SplitResult[];
  /** Mean and population standard deviation over the folds (as Surprise's numpy.std). */
  readonly mean: Readonly<Record<MetricName, number>>;
  readonly sd: Readonly<Record<MetricName, number>>;
}

/**
 * k-fold cross-validation as Surprise's `cross_validate`: seeded folds, the algorithm trained
 * on each fold's complement and measured on the fold (RMSE, MAE, FCP; precision, recall, NDCG,
 * hit rate, MAP, coverage, novelty and diversity at k under the ranking protocol; fit and test
 * seconds), then mean and standard deviation of every figure, and the pooled calibration.
 */
export function crossValidate(
  ratings: RatingArrays,
  options: CrossValidateOptions,
): CrossValidationResult {
  checkRatingArrays(ratings);
  const folds = options.folds ?? 5;
  const splits = kFoldSplits(ratings.ratings.length, folds, options.seed ?? 0);
  const results = splits.map((split, fold) => {
    const result = evaluateSplit(ratings, split, options, options);
    options.onFold?.(result, fold + 1, folds);
    return result;
  });
  return summarise(options.algorithm, results, options);
}

/** One seeded train/test split, measured as one fold of {@link crossValidate}. */
export function evaluateTrainTest(
  ratings: RatingArrays,
  options: AlgorithmSpec & EvaluationSettings & { testFraction?: number; seed?: number },
): SplitResult {
  checkRatingArrays(ratings);
  const split = trainTestSplit(
    ratings.ratings.length,
    options.testFraction ?? 0.2,
    options.seed ?? 0,
  );
  return evaluateSplit(ratings, split, options, options);
}

function summarise(
  algorithm: AlgorithmName,
  folds: readonly SplitResult[],
  settings: EvaluationSettings,
): CrossValidationResult {
  const mean = {} as Record<MetricName, number>;
  const sd = {} as Record<MetricName, number>;
  for (const name of metricNames) {
    const values = folds.map((fold) => fold[name]);
    const average = values.reduce((sum, value) => sum + value, 0) / values.length;
    mean[name] = average;
    sd[name] = Math.sqrt(
      values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length,
    );
  }
  const k = settings.k ?? 10;
  const calibration = pooledCalibration(folds);
  return {
    algorithm,
    k,
    relevanceThreshold: settings.relevanceThreshold ?? 4,
    ranking: {
      protocol: settings.rankingProtocol ?? 'full-catalog',
      k,
      precision: mean.precision,
      recall: mean.recall,
      ndcg: mean.ndcg,
      hitRate: mean.hitRate,
      map: mean.map,
      coverage: mean.coverage,
      novelty: mean.novelty,
      diversity: mean.diversity,
    },
    ...(calibration === undefined ? {} : { calibration }),
    folds,
    mean,
    sd,
  };
}

/** The folds' calibration sums added up, as tables; undefined when no fold measured any. */
function pooledCalibration(folds: readonly SplitResult[]): CalibrationTable[] | undefined {
  const first = folds[0]?.calibration;
  if (first === undefined) return undefined;
  const { scaleMin, count } = first.clipped;
  const scale = { min: scaleMin, max: scaleMin + count.length * calibrationBinWidth };
  const [clipped, calibrated] = [emptyCalibrationSums(scale), emptyCalibrationSums(scale)];
  for (const fold of folds) {
    if (fold.calibration === undefined) continue;
    mergeCalibration(clipped, fold.calibration.clipped);
    mergeCalibration(calibrated, fold.calibration.calibrated);
  }
  return [calibrationTable(clipped, 'clipped'), calibrationTable(calibrated, 'calibrated')];
}
