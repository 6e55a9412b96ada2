import type { RecommendationView, RecommendResponse } from '../contract/index.ts';
import type { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { appFoldInOptions } from './model-settings.ts';
import { ServiceError } from './service-error.ts';
import type { SongPool } from './song-pool.ts';

/**
 * Folds the listener's ratings into the current model and returns the top `count` songs they
 * have not rated, each with its predicted stars and the rated song that pushed it up the most.
 */
export async function recommendFor(
  listener: LocalListener,
  pool: SongPool,
  models: ModelSource,
  count: number,
): Promise<RecommendResponse> {
  const recommender = await models.current();
  if (recommender === undefined) {
    throw new ServiceError(
      'no-model',
      'There is no model yet. Run `earshot pipeline` (or Refresh data) to build one.',
    );
  }
  const ratings = listener.ratings();
  const { recommendations } = recommender.recommend(
    { trackIds: ratings.map((r) => r.trackId), ratings: ratings.map((r) => r.rating) },
    { ...appFoldInOptions, count, exclude: pool.unrecommendable() },
  );
  const views: RecommendationView[] = recommendations.map((r) => ({
    track: pool.view(r.trackId),
    predictedStars: Math.round(r.estimate * 10) / 10,
    reason:
      r.because !== undefined && r.because.contribution > 0
        ? { track: pool.view(r.because.trackId), stars: r.because.rating }
        : null,
  }));
  const trainedAt = models.info()?.trainedAt ?? 0;
  const latest = ratings.reduce((max, r) => Math.max(max, r.ratedAt), 0);
  return { recommendations: views, foldedIn: latest >= trainedAt };
}
