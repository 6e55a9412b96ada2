import type { ModelRepository, StoredModel } from '../../store/model-repository.ts';
import { encodeModel, ModelCodecError } from './model-codec.ts';
import { decodeModel } from './model-decode.ts';
import type { SvdModel } from '../algorithms/svd-model.ts';
import type { SvdOptions } from '../algorithms/svd-options.ts';
import { resolveSvdOptions } from '../algorithms/svd-options.ts';

/** What a training run measured, stored beside the model. */
export interface TrainingMetrics {
  /** RMSE of the errors met during the last epoch. */
  readonly trainRmse: number;
  readonly epochs: number;
  readonly fitSeconds: number;
  readonly ratingCount: number;
  readonly userCount: number;
  readonly itemCount: number;
}

/** Saves `model` as the current one, with the fingerprint of the ratings it was trained on. */
export function saveModel(
  models: ModelRepository,
  model: SvdModel,
  fingerprint: string,
  metrics: TrainingMetrics,
): number {
  return models.save({
    algorithm: model.algorithm,
    params: model.options,
    seed: model.options.seed,
    metrics,
    fingerprint,
    payload: encodeModel(model),
  });
}

export type LoadModelResult =
  | {
      readonly status: 'loaded';
      readonly id: number;
      readonly model: SvdModel;
      readonly metrics: unknown;
    }
  | { readonly status: 'missing' }
  /** Trained on other ratings, or with other options: retrain. */
  | { readonly status: 'stale'; readonly reason: 'ratings' | 'options' }
  | {
      readonly status: 'unreadable';
      readonly error: { readonly code: string; readonly message: string };
    };

/**
 * The latest stored SVD model when it was trained on exactly the ratings `fingerprint` names (and,
 * when `options` are given, with the same resolved options), so start-up can skip training.
 * Every other case is a value saying why not.
 */
export function loadModel(
  models: ModelRepository,
  fingerprint: string,
  options?: SvdOptions,
): LoadModelResult {
  return checkStored(models.latest('svd'), fingerprint, decodeModel, (model) =>
    options === undefined
      ? true
      : JSON.stringify(resolveSvdOptions(options)) === JSON.stringify(model.options),
  );
}

/** A stored model's load result, of any algorithm: the same checks in the same order. */
export type LoadStoredResult<M> =
  | Exclude<LoadModelResult, { status: 'loaded' }>
  | {
      readonly status: 'loaded';
      readonly id: number;
      readonly model: M;
      readonly metrics: unknown;
    };

/**
 * The checks every stored model goes through before it is used: present, trained on exactly the
 * ratings `fingerprint` names, readable, and (per `sameOptions`) trained with the options asked.
 */
export function checkStored<M>(
  stored: StoredModel | undefined,
  fingerprint: string,
  decode: (payload: Uint8Array) => M,
  sameOptions: (model: M) => boolean,
): LoadStoredResult<M> {
  if (stored === undefined) return { status: 'missing' };
  if (stored.fingerprint !== fingerprint) return { status: 'stale', reason: 'ratings' };
  let model: M;
  try {
    model = decode(stored.payload);
  } catch (error) {
    if (error instanceof ModelCodecError) {
      return { status: 'unreadable', error: { code: error.code, message: error.message } };
    }
    throw error;
  }
  if (!sameOptions(model)) return { status: 'stale', reason: 'options' };
  return { status: 'loaded', id: stored.id, model, metrics: stored.metrics };
}
