import type { RatingArrays } from '../../store/rating-repository.ts';
import type { TrainingMetrics } from '../storage/model-store.ts';
import type { RankingTrainingMetrics } from '../storage/ranking-store.ts';
import type { CalibrationOptions } from '../algorithms/calibrated-svd.ts';
import type { RankingModel } from '../algorithms/ranking-model.ts';
import type { RankingOptions } from '../algorithms/ranking-options.ts';
import type { SvdModel } from '../algorithms/svd-model.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';

/**
 * What one worker run fits from the same rating arrays, in this order: the SVD's star
 * calibration (optional), the SVD, the ranking model (optional).
 */
export interface TrainPlan {
  /** Also fit the SVD's star calibration (one more SVD fit, on 90 % of the ratings). */
  readonly calibration?: CalibrationOptions;
  /** Also fit a ranking model: these options, or 'picks' for `pickRankingOptions(items)`. */
  readonly ranking?: RankingOptions | 'picks';
  /**
   * Extra rows for the ranking model only: item side information as pseudo-listeners (one per
   * genre, decade or artist, "rating" every song that has it; ids that no real listener has).
   * They tie songs that share a trait together, which a new listener's handful of ratings
   * cannot do alone. The SVD and its calibration never see them.
   */
  readonly rankingSideInformation?: RatingArrays;
}

/** Main thread → training worker. */
export type TrainRequest =
  | ({
      readonly type: 'train';
      readonly ratings: RatingArrays;
      /** The SVD's options. */
      readonly options: SvdOptions;
    } & TrainPlan)
  | { readonly type: 'cancel' };

/**
 * Why training produced no model: bad ratings or options, a cancel request, or an unexpected
 * failure (including the worker dying).
 */
export type TrainErrorCode = 'invalid-input' | 'cancelled' | 'failed';

export interface TrainError {
  readonly code: TrainErrorCode;
  readonly message: string;
}

/** How far a run has come: an SGD epoch (calibration or final SVD) or a ranking step. */
export type TrainProgress =
  | {
      readonly stage: 'calibration' | 'svd';
      readonly epoch: number;
      readonly epochs: number;
      readonly trainRmse: number;
    }
  | {
      readonly stage: 'ranking';
      readonly algorithm: RankingModel['algorithm'];
      readonly step: number;
      readonly steps: number;
    };

/** Training worker → main thread. */
export type TrainResponse =
  | ({ readonly type: 'progress' } & TrainProgress)
  | {
      readonly type: 'done';
      /** The SVD, with its `calibration` when the plan asked for one. */
      readonly model: SvdModel;
      readonly fingerprint: string;
      readonly metrics: TrainingMetrics;
      readonly ranking?: { readonly model: RankingModel; readonly metrics: RankingTrainingMetrics };
    }
  | { readonly type: 'error'; readonly error: TrainError };

/** Narrows a message from the other side (structured clone keeps typed arrays typed). */
export function isTrainRequest(message: unknown): message is TrainRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'cancel') return true;
  if (m.type !== 'train' || typeof m.ratings !== 'object' || m.ratings === null) return false;
  return typeof m.options === 'object' && m.options !== null;
}

export function isTrainResponse(message: unknown): message is TrainResponse {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as Record<string, unknown>).type;
  return type === 'progress' || type === 'done' || type === 'error';
}

/** The buffers of typed arrays, once each, leaving shared memory alone (it cannot move). */
export function transferablesOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}
