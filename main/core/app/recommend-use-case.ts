import type { RecommendationView, RecommendResponse } from '../contract/index.ts';
import type { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { choosePicks } from './picks/choose-picks.ts';
import type { PickModels } from './picks/choose-picks.ts';
import { PickHistory, ratingsKey } from './picks/pick-history.ts';
import { ServiceError } from './service-error.ts';
import type { SongPool } from './song-pool.ts';

async function currentModels(models: ModelSource): Promise<PickModels> {
  const current = await models.current();
  if (current === undefined) {
    throw new ServiceError(
      'no-model',
      'There is no model yet. Run `earshot pipeline` (or Refresh data) to build one.',
    );
  }
  return current;
}

/**
 * The listener's top `count` picks (see {@link choosePicks}), each with its predicted stars and
 * why. The list is remembered so that picks left alone rotate out of the next one.
 */
export async function recommendFor(
  listener: LocalListener,
  pool: SongPool,
  models: ModelSource,
  options: { readonly count: number; readonly diversity: number },
): Promise<RecommendResponse> {
  const pickModels = await currentModels(models);
  const ratings = listener.ratings();
  const hidden = listener.hidden();
  const history = new PickHistory(pool.store);
  const key = ratingsKey(ratings, hidden);
  const picks = choosePicks({
    models: pickModels,
    ratings,
    hidden,
    exclude: pool.unrecommendable(),
    count: options.count,
    diversity: options.diversity,
    traitsOf: (trackId) => pool.traits(trackId),
    shownBefore: history.before(key),
  });
  history.record(
    key,
    picks.map((p) => p.trackId),
  );
  const views: RecommendationView[] = picks.map((pick) => {
    const liked = pick.reasons.find((r) => r.kind === 'liked');
    return {
      track: pool.view(pick.trackId),
      predictedStars: pick.predictedStars,
      reason:
        liked === undefined ? null : { track: pool.view(liked.trackId), stars: liked.stars ?? 0 },
    };
  });
  const trainedAt = models.info()?.trainedAt ?? 0;
  const latest = ratings.reduce((max, r) => Math.max(max, r.ratedAt), 0);
  return { recommendations: views, foldedIn: latest >= trainedAt };
}
