import type { RatingArrays } from '../../store/rating-repository.ts';
import type { EaseModel } from './ease.ts';
import { fitEaseIndexed } from './ease.ts';
import type { ImplicitAlsModel } from './implicit-als.ts';
import { createImplicitAlsTrainer } from './implicit-als.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import { indexRatings } from './indexed-ratings.ts';
import type { RankingOptions, ResolvedRankingOptions } from './ranking-options.ts';
import { resolveRankingOptions } from './ranking-options.ts';

/** A model that ranks the catalog for a listener (the picks); it predicts no stars. */
export type RankingModel = EaseModel | ImplicitAlsModel;

/** Reported as a ranking fit advances (EASE: one step; implicit ALS: one per sweep). */
export interface RankingProgress {
  readonly algorithm: RankingModel['algorithm'];
  readonly step: number;
  readonly steps: number;
}

/**
 * The weight of the popularity prior: prior_i = weight × (share of training listeners who liked
 * i). Small enough to only break ties (a listener's terms are 10–1000× larger), it orders what
 * their songs say nothing about — a listener with no likes yet gets the most liked songs.
 */
const popularityPriorWeight = 1e-3;

/** prior_i (see {@link popularityPriorWeight}) from the training data. */
function popularityPrior(data: IndexedRatings, options: ResolvedRankingOptions): Float32Array {
  const likes = new Float64Array(data.itemIds.length);
  for (let r = 0; r < data.ratings.length; r++) {
    if (data.ratings[r] >= options.input.likedFrom) likes[data.items[r]]++;
  }
  const scale = popularityPriorWeight / Math.max(1, data.userIds.length);
  return Float32Array.from(likes, (count) => count * scale);
}

/**
 * Fits the ranking model `options.algorithm` names (see ease.ts, implicit-als.ts), synchronously.
 * Throws RangeError for no ratings or bad options.
 */
export function fitRankingModel(
  ratings: RatingArrays,
  options: RankingOptions,
  onProgress?: (progress: RankingProgress) => void,
): RankingModel {
  return fitRankingModelIndexed(indexRatings(ratings), options, onProgress);
}

/** A ranking fit one step at a time (EASE: one step; implicit ALS: one per sweep). */
export interface RankingTrainer {
  readonly algorithm: RankingModel['algorithm'];
  readonly steps: number;
  runStep(): void;
  /** The fitted model; only after every step ran. */
  toModel(): RankingModel;
}

/** Resolves `options` (RangeError naming a bad one) and prepares the fit on `data`. */
export function createRankingTrainer(
  data: IndexedRatings,
  options: RankingOptions,
): RankingTrainer {
  const resolved = resolveRankingOptions(options);
  const prior = popularityPrior(data, resolved);
  if (resolved.algorithm === 'implicit-als') {
    const trainer = createImplicitAlsTrainer(data, resolved, prior);
    return {
      algorithm: 'implicit-als',
      steps: trainer.iterations,
      runStep: () => trainer.runIteration(),
      toModel: () => trainer.toModel(),
    };
  }
  let model: EaseModel | undefined;
  return {
    algorithm: 'ease',
    steps: 1,
    runStep: () => void (model = fitEaseIndexed(data, resolved, prior)),
    toModel() {
      if (model === undefined) throw new RangeError('the EASE fit has not run');
      return model;
    },
  };
}

/** {@link fitRankingModel} on ratings already mapped to dense indices. */
export function fitRankingModelIndexed(
  data: IndexedRatings,
  options: RankingOptions,
  onProgress?: (progress: RankingProgress) => void,
): RankingModel {
  const trainer = createRankingTrainer(data, options);
  for (let step = 1; step <= trainer.steps; step++) {
    trainer.runStep();
    onProgress?.({ algorithm: trainer.algorithm, step, steps: trainer.steps });
  }
  return trainer.toModel();
}
