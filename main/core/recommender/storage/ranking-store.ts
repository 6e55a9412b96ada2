import type { ModelRepository, StoredModel } from '../../store/model-repository.ts';
import type { RankingModel } from '../algorithms/ranking-model.ts';
import type { RankingOptions } from '../algorithms/ranking-options.ts';
import { resolveRankingOptions } from '../algorithms/ranking-options.ts';
import { ModelCodecError } from './model-codec-error.ts';
import { decodeRankingModel, encodeRankingModel } from './ranking-codec.ts';
import type { LoadModelResult } from './model-store.ts';

/** What a ranking fit measured, stored beside the model. */
export interface RankingTrainingMetrics {
  readonly fitSeconds: number;
  readonly ratingCount: number;
  readonly userCount: number;
  readonly itemCount: number;
}

/**
 * Saves `model` as the current ranking model, in the models table under its own algorithm name
 * ('ease' or 'implicit-als') beside the SVD, with the fingerprint of the ratings it saw.
 */
export function saveRankingModel(
  models: ModelRepository,
  model: RankingModel,
  fingerprint: string,
  metrics: RankingTrainingMetrics,
): number {
  return models.save({
    algorithm: model.algorithm,
    params: model.options,
    seed: model.algorithm === 'ease' ? 0 : model.options.seed,
    metrics,
    fingerprint,
    payload: encodeRankingModel(model),
  });
}

export type LoadRankingModelResult =
  | Exclude<LoadModelResult, { status: 'loaded' }>
  | {
      readonly status: 'loaded';
      readonly id: number;
      readonly model: RankingModel;
      readonly metrics: unknown;
    };

function newestRanking(models: ModelRepository, options?: RankingOptions): StoredModel | undefined {
  if (options !== undefined) return models.latest(options.algorithm);
  const candidates = [models.latest('ease'), models.latest('implicit-als')];
  return candidates.reduce<StoredModel | undefined>(
    (newest, model) =>
      model !== undefined && (newest === undefined || model.id > newest.id) ? model : newest,
    undefined,
  );
}

/**
 * The latest stored ranking model (of `options.algorithm`, when given) when it was trained on
 * exactly the ratings `fingerprint` names and, when `options` are given, with the same resolved
 * options — e.g. `pickRankingOptions(itemCount)`. Every other case is a value saying why not.
 */
export function loadRankingModel(
  models: ModelRepository,
  fingerprint: string,
  options?: RankingOptions,
): LoadRankingModelResult {
  const stored = newestRanking(models, options);
  if (stored === undefined) return { status: 'missing' };
  if (stored.fingerprint !== fingerprint) return { status: 'stale', reason: 'ratings' };
  let model: RankingModel;
  try {
    model = decodeRankingModel(stored.payload);
  } catch (error) {
    if (error instanceof ModelCodecError) {
      return { status: 'unreadable', error: { code: error.code, message: error.message } };
    }
    throw error;
  }
  if (
    options !== undefined &&
    JSON.stringify(resolveRankingOptions(options)) !== JSON.stringify(model.options)
  ) {
    return { status: 'stale', reason: 'options' };
  }
  return { status: 'loaded', id: stored.id, model, metrics: stored.metrics };
}
