import type { ModelRepository, StoredModel } from '../../store/model-repository.ts';
import type { RankingModel } from '../algorithms/ranking-model.ts';
import type { RankingOptions } from '../algorithms/ranking-options.ts';
import { resolveRankingOptions } from '../algorithms/ranking-options.ts';
import { decodeRankingModel, encodeRankingModel } from './ranking-codec.ts';
import { checkStored } from './model-store.ts';
import type { LoadStoredResult } from './model-store.ts';

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

export type LoadRankingModelResult = LoadStoredResult<RankingModel>;

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
  return checkStored(newestRanking(models, options), fingerprint, decodeRankingModel, (model) =>
    options === undefined
      ? true
      : JSON.stringify(resolveRankingOptions(options)) === JSON.stringify(model.options),
  );
}
