import type { RatingArrays } from '../../store/rating-repository.ts';
import type { TrainingMetrics } from '../storage/model-store.ts';
import type { SvdModel } from '../algorithms/svd-model.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';

/** Main thread → training worker. */
export type TrainRequest =
  | { readonly type: 'train'; readonly ratings: RatingArrays; readonly options: SvdOptions }
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

/** Training worker → main thread. */
export type TrainResponse =
  | {
      readonly type: 'progress';
      readonly epoch: number;
      readonly epochs: number;
      readonly trainRmse: number;
    }
  | {
      readonly type: 'done';
      readonly model: SvdModel;
      readonly fingerprint: string;
      readonly metrics: TrainingMetrics;
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
