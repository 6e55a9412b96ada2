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
    shortlist(listener, options) {
      // SVD reads stars only: weight-only entries (a played song, a taste start's prior) say
      // nothing to it, but as inputs of the listener's they are never ranked either.
      const ids = Array.from(listener.trackIds);
      const hasStars = (i: number) => Number.isFinite(listener.ratings[i]);
      const stars = {
        trackIds: ids.filter((_, i) => hasStars(i)),
        ratings: ids.flatMap((_, i) => (hasStars(i) ? [listener.ratings[i]] : [])),
      };
      const weightOnly = ids.filter((_, i) => !hasStars(i));
      const { recommendations } = recommender.recommend(stars, {
        ...appFoldInOptions,
        count: options.count,
        exclude: [...(options.exclude ?? []), ...weightOnly],
      });
      const byTrack = new Map(recommendations.map((r) => [r.trackId, r]));
      return {
        items: recommendations.map((r) => ({ trackId: r.trackId, score: r.score })),
        explain(trackId) {
          const explained = byTrack.get(trackId);
          if (explained === undefined)
            throw new RangeError(`track ${trackId} is not on the shortlist`);
          return {
            contributions: explained.contributions.map((c) => ({ ...c, weight: c.rating })),
          };
        },
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
