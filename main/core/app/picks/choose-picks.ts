import type { Recommender } from '../../recommender/algorithms/recommend.ts';
import { appFoldInOptions } from '../model-settings.ts';
import { confidenceOf } from './confidence.ts';
import type { PickConfidence } from './confidence.ts';
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
  ) => string | undefined;
}

export interface Pick {
  readonly trackId: number;
  /** Calibrated expected stars, one decimal. */
  readonly predictedStars: number;
  readonly confidence: PickConfidence;
  readonly reasons: readonly PickReason[];
  /** "folk" for "Because you like folk": a pick the taste start drives. */
  readonly likedTrait?: string;
}

/** Stars a "not interested" song stands for when the ranker folds the listener in. */
const hiddenAsStars = 2;

/** Predicted stars below which SVD vetoes a candidate ("it's fine" is not a pick). */
const minimumStars = 3.5;

/** How many candidates the ranker hands the re-rank for each pick wanted. */
const candidatesPerPick = 15;

/**
 * The listener's picks: the ranking model ranks every song they have not rated or hidden, the
 * re-rank adds variety and freshness, and SVD gives each pick its calibrated stars and how sure
 * it is; the reasons are the ranking model's exact terms from songs the listener liked.
 */
export function choosePicks(request: PicksRequest): Pick[] {
  const { models, ratings, hidden } = request;
  const hiddenIds = [...hidden].filter((id) => !ratings.some((r) => r.trackId === id));
  const prior = request.prior ?? [];
  const listener = {
    trackIds: [...ratings.map((r) => r.trackId), ...hiddenIds, ...prior.map((p) => p.trackId)],
    ratings: [
      ...ratings.map((r) => r.rating),
      ...hiddenIds.map(() => hiddenAsStars),
      ...prior.map(() => NaN),
    ],
    // NaN: map the stars; the prior's songs carry their weight alone (see taste-prior.ts).
    weights: [
      ...ratings.map(() => NaN),
      ...hiddenIds.map(() => NaN),
      ...prior.map((p) => p.weight),
    ],
  };
  const { items } = models.ranker.rank(listener, {
    count: Math.max(50, request.count * candidatesPerPick),
    exclude: [...request.exclude, ...hidden],
  });
  const estimate = createSvdEstimator(
    models.svd.model,
    { trackIds: ratings.map((r) => r.trackId), ratings: ratings.map((r) => r.rating) },
    appFoldInOptions,
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
  const isPriorOnly = prior.length > 0 && !ratings.some((r) => r.rating >= likedStars);
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
    const liked = candidate.contributions.filter(
      (c) => c.contribution > 0 && c.rating >= likedStars && !hidden.has(c.trackId),
    ).length;
    const reasons = reasonsFor(candidate.contributions, { notInterested: hidden });
    const likedTrait = request.tasteReason?.(candidate.trackId, candidate.contributions, reasons);
    return {
      trackId: candidate.trackId,
      predictedStars: Math.round(stars * 10) / 10,
      confidence: confidenceOf(svd?.spread ?? Infinity, liked),
      reasons,
      ...(likedTrait === undefined ? {} : { likedTrait }),
    };
  });
}
