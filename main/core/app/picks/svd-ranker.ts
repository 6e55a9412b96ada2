import type { Recommender } from '../../recommender/algorithms/recommend.ts';
import { appFoldInOptions } from '../model-settings.ts';
import { clip } from '../../recommender/algorithms/svd-model.ts';
import type { PickModels } from './choose-picks.ts';
import type { PickRanker } from './pick-ranker.ts';

/**
 * SVD as a ranker: what the picks fall back to while a stored model predates the ranking model
 * (until the next retrain). Its contributions are the fold-in's exact per-rating terms.
 */
function svdRanker(recommender: Recommender): PickRanker {
  return {
    rank(listener, options) {
      // SVD reads stars only: weight-only entries (a taste start's prior) say nothing to it.
      const rated = Array.from(listener.trackIds).flatMap((trackId, i) =>
        Number.isFinite(listener.ratings[i]) ? [{ trackId, rating: listener.ratings[i] }] : [],
      );
      const stars = { trackIds: rated.map((r) => r.trackId), ratings: rated.map((r) => r.rating) };
      const { recommendations } = recommender.recommend(stars, {
        ...appFoldInOptions,
        count: options.count,
        ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
      });
      return {
        items: recommendations.map((r) => ({
          trackId: r.trackId,
          score: r.score,
          contributions: r.contributions.map((c) => ({ ...c, weight: c.rating })),
        })),
      };
    },
  };
}

/** The picks' models from SVD alone: it ranks, and its clipped estimate stands as the stars. */
export function pickModelsFor(recommender: Recommender): PickModels {
  const scale = recommender.model.options.ratingScale;
  return {
    svd: recommender,
    ranker: svdRanker(recommender),
    calibrate: (score) => clip(score, scale),
  };
}
