import type { Recommender } from '../../recommender/algorithms/recommend.ts';
import { appFoldInOptions } from '../model-settings.ts';
import { confidenceOf } from './confidence.ts';
import type { PickConfidence } from './confidence.ts';
import { lovedPlayStrength, playedStars, playedWeight } from './listening-input.ts';
import type { PlayedSong } from './listening-input.ts';
import { freshness } from './pick-history.ts';
import type { Contribution, PickRanker, RankedCandidate } from './pick-ranker.ts';
import type { PriorEntry } from '../taste/taste-prior.ts';
import { likedStars, reasonsFor } from './pick-reasons.ts';
import type { PickReason } from './pick-reasons.ts';
import { rerankPicks } from './rerank.ts';
import type { CandidateTraits } from './rerank.ts';
import { createSvdEstimator } from './svd-estimates.ts';

/** The models behind the picks: one chooses them, SVD predicts their stars. */
export interface PickModels {
  readonly svd: Recommender;
  readonly ranker: PickRanker;
  /** SVD's unclipped score to expected stars, fitted on held-out ratings. */
  readonly calibrate: (score: number) => number;
}

export interface PicksRequest {
  readonly models: PickModels;
  readonly ratings: readonly { readonly trackId: number; readonly rating: number }[];
  /** "Not interested": never picked again, and a mild dislike for the ranker. */
  readonly hidden: ReadonlySet<number>;
  /**
   * What the listener played (listening history): implicit taste for both models, and songs
   * they already know, so never picked. Absent: none.
   */
  readonly listening?: readonly PlayedSong[];
  /** Never picked (imported placeholders), besides rated and hidden songs. */
  readonly exclude: Iterable<number>;
  readonly count: number;
  readonly diversity: number;
  readonly traitsOf: (trackId: number) => CandidateTraits;
  /** Earlier lists, oldest first (see `PickHistory.before`); empty for no rotation. */
  readonly shownBefore: readonly { readonly trackIds: readonly number[] }[];
  /** A taste start's weighted songs (never a "because": they carry no stars). */
  readonly prior?: readonly PriorEntry[];
  /** The part of the taste to name for a pick, if the taste drives it (see taste-reason.ts). */
  readonly tasteReason?: (
    trackId: number,
    contributions: readonly Contribution[],
    reasons: readonly PickReason[],
  ) => PickReason | undefined;
}

export interface Pick {
  readonly trackId: number;
  /** Calibrated expected stars, one decimal. */
  readonly predictedStars: number;
  readonly confidence: PickConfidence;
  readonly reasons: readonly PickReason[];
}

/** Stars a "not interested" song stands for when the ranker folds the listener in. */
const hiddenAsStars = 2;

/** Predicted stars below which SVD vetoes a candidate ("it's fine" is not a pick). */
const minimumStars = 3.5;

/** Reasons given per pick at most, the taste's included. */
const maxReasons = 2;

/** How many candidates the ranker hands the re-rank for each pick wanted. */
const candidatesPerPick = 15;

/**
 * The listener's picks: the ranking model ranks every song they have not rated or hidden, the
 * re-rank adds variety and freshness, and SVD gives each pick its calibrated stars and how sure
 * it is; the reasons are the ranking model's exact terms from songs the listener liked.
 */
export function choosePicks(request: PicksRequest): Pick[] {
  const { models, ratings, hidden } = request;
  const rated = new Set(ratings.map((r) => r.trackId));
  const hiddenIds = [...hidden].filter((id) => !rated.has(id));
  const listening = request.listening ?? [];
  const played = listening.filter(
    (s) => !rated.has(s.trackId) && !hidden.has(s.trackId) && playedWeight(s) !== 0,
  );
  // The listener's own input wins: a song they rated, hid or played is not also a prior song.
  const own = new Set([...rated, ...hidden, ...listening.map((s) => s.trackId)]);
  const prior = (request.prior ?? []).filter((p) => !own.has(p.trackId));
  const stated = ratings.length + hiddenIds.length;
  const weighted = [...played.map(playedWeight), ...prior.map((p) => p.weight)];
  const listener = {
    trackIds: [
      ...ratings.map((r) => r.trackId),
      ...hiddenIds,
      ...played.map((s) => s.trackId),
      ...prior.map((p) => p.trackId),
    ],
    ratings: [
      ...ratings.map((r) => r.rating),
      ...hiddenIds.map(() => hiddenAsStars),
      ...weighted.map(() => NaN),
    ],
    // Stars are mapped by the ranker (NaN here); a played song gives its signed strength and a
    // prior song its weight alone (see taste-prior.ts).
    ...(weighted.length === 0
      ? {}
      : { weights: [...Array<number>(stated).fill(NaN), ...weighted] }),
  };
  const shortlist = models.ranker.shortlist(listener, {
    count: Math.max(50, request.count * candidatesPerPick),
    // A song the listener played is one they know: the picks are songs to discover.
    exclude: [...request.exclude, ...hidden, ...listening.map((s) => s.trackId)],
  });
  const { items } = shortlist;
  const estimate = createSvdEstimator(
    models.svd.model,
    {
      trackIds: [...ratings.map((r) => r.trackId), ...played.map((s) => s.trackId)],
      ratings: [...ratings.map((r) => r.rating), ...played.map(playedStars)],
    },
    appFoldInOptions,
  );
  const loved = new Map(
    played.filter((s) => s.strength >= lovedPlayStrength).map((s) => [s.trackId, s.plays]),
  );
  const starsOf = new Map(
    items.map((c) => {
      const svd = estimate(c.trackId);
      return [
        c.trackId,
        { svd, stars: models.calibrate(svd?.score ?? models.svd.model.globalMean) },
      ];
    }),
  );
  // A pick is a song the listener will most likely enjoy: both models must agree. SVD's stars
  // veto candidates it expects them to find merely fine, while enough others remain.
  // Short of agreed candidates (a listener who has liked nothing yet), the rest follow by stars.
  const starsOfCandidate = (c: RankedCandidate) => starsOf.get(c.trackId)!.stars;
  // With only a taste start to go on, SVD knows nothing of the listener (its estimate is the
  // song's average): the prior's order stands, rather than the catalog's best-rated songs.
  // A liked rating or a loved play ends that: SVD then knows something they like.
  const isPriorOnly =
    prior.length > 0 && loved.size === 0 && !ratings.some((r) => r.rating >= likedStars);
  const agreed = isPriorOnly ? items : items.filter((c) => starsOfCandidate(c) >= minimumStars);
  const rest = items
    .filter((c) => !agreed.includes(c))
    .sort((a, b) => starsOfCandidate(b) - starsOfCandidate(a));
  const { penaltyOf, notFirst } = freshness(request.shownBefore);
  const chosen = rerankPicks(agreed.length >= request.count ? agreed : [...agreed, ...rest], {
    count: request.count,
    diversity: request.diversity,
    traitsOf: request.traitsOf,
    penaltyOf,
    ...(notFirst === undefined ? {} : { notFirst }),
  });
  return chosen.map((candidate) => {
    const { svd, stars } = starsOf.get(candidate.trackId)!;
    const { contributions } = shortlist.explain(candidate.trackId);
    const pushing = contributions.filter((c) => c.contribution > 0 && !hidden.has(c.trackId));
    const played = pushing.filter((c) => loved.has(c.trackId)).length;
    const liked = pushing.filter((c) => !loved.has(c.trackId) && c.rating >= likedStars).length;
    const reasons = reasonsFor(contributions, { notInterested: hidden, loved });
    const taste = request.tasteReason?.(candidate.trackId, contributions, reasons);
    const support = { liked, played, fromTaste: taste !== undefined };
    return {
      trackId: candidate.trackId,
      predictedStars: Math.round(stars * 10) / 10,
      confidence: confidenceOf(svd?.spread ?? Infinity, support),
      // The taste's reason beats every liked song's when given (see taste-reason.ts): first.
      reasons: taste === undefined ? reasons : [taste, ...reasons].slice(0, maxReasons),
    };
  });
}
