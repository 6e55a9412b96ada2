import type { RecommendationView, RecommendResponse, Taste } from '../contract/index.ts';
import { tastePrior } from './taste/taste-prior.ts';
import { tasteReason } from './taste/taste-reason.ts';
import { readTaste } from './taste/taste-settings.ts';
import type { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { choosePicks } from './picks/choose-picks.ts';
import type { Pick, PickModels } from './picks/choose-picks.ts';
import { PickHistory, ratingsKey } from './picks/pick-history.ts';
import { sharedGenres } from './picks/pick-reasons.ts';
import { ServiceError } from './service-error.ts';
import type { SongPool } from './song-pool.ts';

/** Whose picks: their ratings, what they hid, and (the local listener only) their past lists. */
export interface PicksProfile {
  readonly ratings: readonly { trackId: number; rating: number; ratedAt: number }[];
  readonly hidden: ReadonlySet<number>;
  /** Absent: the lists are neither rotated nor remembered (another listener's picks). */
  readonly history?: PickHistory;
  /** The local listener's taste start, as a prior (see taste/taste-prior.ts). */
  readonly taste?: Taste;
}

export interface PicksOptions {
  readonly count: number;
  readonly diversity: number;
}

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

function toView(pick: Pick, pool: SongPool): RecommendationView {
  const track = pool.view(pick.trackId);
  return {
    track,
    predictedStars: pick.predictedStars,
    confidence: pick.confidence,
    ...(pick.likedTrait === undefined ? {} : { likedTrait: pick.likedTrait }),
    reasons: pick.reasons.map((reason) => {
      const cited = pool.view(reason.trackId);
      return {
        kind: reason.kind,
        track: cited,
        stars: reason.stars,
        sharedGenres: sharedGenres(track.genres, cited.genres),
        contribution: reason.contribution,
      };
    }),
  };
}

/**
 * A listener's top `count` picks (see {@link choosePicks}), each with its predicted stars, how
 * sure the model is and why. With a history, the list is remembered so that picks left alone
 * rotate out of the next one.
 */
export async function picksFor(
  profile: PicksProfile,
  pool: SongPool,
  models: ModelSource,
  options: PicksOptions,
): Promise<RecommendResponse> {
  const pickModels = await currentModels(models);
  const { ratings, hidden, history } = profile;
  const taste = profile.taste;
  const prior =
    taste === undefined
      ? []
      : tastePrior(taste, [...pool.tracks().values()], {
          popularity: pool.ratingCounts(),
          ratings: ratings.length,
          skip: new Set([...ratings.map((r) => r.trackId), ...hidden]),
        });
  // The prior is an input of the list like a rating: a changed taste makes a new list.
  const key = ratingsKey(ratings, hidden) + prior.map((p) => `~${p.trackId}:${p.weight}`).join('');
  const picks = choosePicks({
    prior,
    ...(taste === undefined
      ? {}
      : { tasteReason: tasteReason(taste, prior, (id) => pool.tracks().get(id)) }),
    models: pickModels,
    ratings,
    hidden,
    exclude: pool.unrecommendable(),
    count: options.count,
    diversity: options.diversity,
    traitsOf: (trackId) => pool.traits(trackId),
    shownBefore: history?.before(key) ?? [],
  });
  history?.record(
    key,
    picks.map((p) => p.trackId),
  );
  const trainedAt = models.info()?.trainedAt ?? 0;
  const latest = ratings.reduce((max, r) => Math.max(max, r.ratedAt), 0);
  return {
    recommendations: picks.map((pick) => toView(pick, pool)),
    foldedIn: latest >= trainedAt,
  };
}

/** The local listener's picks, remembered for rotation. */
export function recommendFor(
  listener: LocalListener,
  pool: SongPool,
  models: ModelSource,
  options: PicksOptions,
): Promise<RecommendResponse> {
  const profile = {
    ratings: listener.ratings(),
    hidden: listener.hidden(),
    history: new PickHistory(pool.store),
    taste: readTaste(pool.store),
  };
  return picksFor(profile, pool, models, options);
}
