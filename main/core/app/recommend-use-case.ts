import type { RecommendationView, RecommendResponse, Taste } from '../contract/index.ts';
import { tastePrior } from './taste/taste-prior.ts';
import { tasteReason } from './taste/taste-reason.ts';
import { readTaste } from './taste/taste-settings.ts';
import type { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { choosePicks } from './picks/choose-picks.ts';
import type { PlayedSong } from './picks/listening-input.ts';
import type { Pick, PickModels } from './picks/choose-picks.ts';
import { PickHistory, ratingsKey } from './picks/pick-history.ts';
import type { PicksMemo } from './picks/picks-memo.ts';
import { sharedGenres } from './picks/pick-reasons.ts';
import { recordPickSet } from './pick-sets/record-pick-set.ts';
import { ServiceError } from './service-error.ts';
import type { SongPool } from './song-pool.ts';

/**
 * Whose picks: their ratings, what they hid, what they played, and (the local listener only)
 * their past lists and taste start.
 */
export interface PicksProfile {
  readonly ratings: readonly { trackId: number; rating: number; ratedAt: number }[];
  readonly hidden: ReadonlySet<number>;
  readonly listening: readonly PlayedSong[];
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
    reasons: pick.reasons.map((reason) => {
      const cited = pool.view(reason.trackId);
      return {
        kind: reason.kind,
        track: cited,
        stars: reason.stars,
        plays: reason.plays,
        trait: reason.trait ?? null,
        sharedGenres: sharedGenres(track.genres, cited.genres),
        contribution: reason.contribution,
      };
    }),
  };
}

/**
 * A listener's top `count` picks (see {@link choosePicks}) from models in hand, each with its
 * predicted stars, how sure the model is and why. With a history, the list is remembered so that
 * picks left alone rotate out of the next one. Synchronous, so that nothing changes the inputs
 * between reading them and answering.
 */
function picksFrom(
  profile: PicksProfile,
  pool: SongPool,
  pickModels: PickModels,
  trainedAt: number,
  options: PicksOptions,
): RecommendResponse {
  const { ratings, hidden, listening, history, taste } = profile;
  const prior =
    taste === undefined
      ? []
      : tastePrior(taste, [...pool.tracks().values()], {
          popularity: pool.ratingCounts(),
          ratings: ratings.length,
          // The listener's own input wins over the taste's (see choosePicks).
          skip: new Set([
            ...ratings.map((r) => r.trackId),
            ...hidden,
            ...listening.map((s) => s.trackId),
          ]),
        });
  // The prior is an input of the list like a rating: a changed taste makes a new list.
  const key =
    ratingsKey(ratings, hidden, listening) + prior.map((p) => `~${p.trackId}:${p.weight}`).join('');
  const picks = choosePicks({
    prior,
    ...(taste === undefined
      ? {}
      : { tasteReason: tasteReason(taste, prior, (id) => pool.tracks().get(id)) }),
    models: pickModels,
    ratings,
    hidden,
    listening,
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
  const latest = ratings.reduce((max, r) => Math.max(max, r.ratedAt), 0);
  return {
    recommendations: picks.map((pick) => toView(pick, pool)),
    foldedIn: latest >= trainedAt,
  };
}

/** A listener's picks (see {@link picksFrom}), once the models are ready. */
export async function picksFor(
  profile: PicksProfile,
  pool: SongPool,
  models: ModelSource,
  options: PicksOptions,
): Promise<RecommendResponse> {
  const pickModels = await currentModels(models);
  return picksFrom(profile, pool, pickModels, models.info()?.trainedAt ?? 0, options);
}

/**
 * The local listener's picks, remembered for rotation and kept in the history when new. Asked
 * again with every input unchanged (see {@link PicksInputs}), it answers as before without
 * working it out again (the same list, which the history already has).
 */
export async function recommendFor(
  listener: LocalListener,
  pool: SongPool,
  models: ModelSource,
  options: PicksOptions,
  memo: PicksMemo,
): Promise<RecommendResponse> {
  const pickModels = await currentModels(models);
  // Nothing awaits from here on: the inputs compared are exactly those the answer is made from.
  const history = new PickHistory(pool.store);
  const now = Math.floor(Date.now() / 1000);
  const { inputs, answer } = memo.lookup(
    {
      models: pickModels,
      trainedAt: models.info()?.trainedAt ?? 0,
      catalog: pool.tracks(),
      unrecommendable: pool.unrecommendable(),
      count: options.count,
      diversity: options.diversity,
    },
    () => ({
      ratings: listener.ratings(),
      hidden: listener.hidden(),
      listening: listener.listening(now),
      shown: history.rounds(),
      taste: readTaste(pool.store),
      popularity: pool.ratingCounts(),
    }),
    now,
  );
  if (answer !== undefined) return answer;
  const { ratings, hidden, listening, taste } = inputs;
  const profile = { ratings, hidden, listening, history, taste };
  const fresh = picksFrom(profile, pool, pickModels, inputs.trainedAt, options);
  recordPickSet(pool.store, profile, fresh.recommendations);
  // Keyed on the history as this answer left it, which is what the next request reads.
  return memo.remember({ ...inputs, shown: history.rounds() }, fresh);
}
