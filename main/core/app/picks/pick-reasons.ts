import type { Contribution } from './pick-ranker.ts';

/** Songs rated this many stars or more are "liked": the only ones a "because" may cite. */
export const likedStars = 4;
/** Songs rated this many stars or fewer are "disliked". */
const dislikedStars = 2;

export interface PickReason {
  /**
   * `liked`: "because you liked X"; `played`: "because you often play X" (listening history);
   * `likedTrait`: "because you like folk" (the taste start, see taste/taste-reason.ts);
   * `disliked`: "…and you didn't like Y".
   */
  readonly kind: 'liked' | 'played' | 'likedTrait' | 'disliked';
  readonly trackId: number;
  /** The listener's stars; null for a song they marked "not interested" or only played. */
  readonly stars: number | null;
  /** Plays of a `played` song; null otherwise. */
  readonly plays: number | null;
  /** What of the taste a `likedTrait` reason names ("folk", "the 1970s"); absent otherwise. */
  readonly trait?: string;
  /** The model's exact term for this song in the pick's score (positive: it pushed the pick up). */
  readonly contribution: number;
}

export interface ReasonOptions {
  /** Songs the listener marked "not interested" (fed to the ranker as a mild dislike). */
  readonly notInterested: ReadonlySet<number>;
  /**
   * Songs the listener played often enough to count as loved, with their plays (unrated ones
   * only: a rating speaks for itself). Absent: none.
   */
  readonly loved?: ReadonlyMap<number, number>;
  /** At most this many reasons (default 2). */
  readonly max?: number;
}

/**
 * Up to two reasons for a pick from its exact score terms. Only liked songs (≥ 4★) and songs
 * played often (see `lovedPlayStrength`) are cited as "because"; a 3★ song or one played once
 * is never cited. When the largest push comes from a song the listener disliked (a dissimilar
 * song scores higher the more a dislike pulls its neighbours down), it is said plainly as a
 * `disliked` reason, after the best liked one if there is any.
 */
export function reasonsFor(
  contributions: readonly Contribution[],
  options: ReasonOptions,
): PickReason[] {
  const max = options.max ?? 2;
  const loved = options.loved ?? new Map<number, number>();
  const pushing = contributions.filter((c) => c.contribution > 0);
  pushing.sort((a, b) => b.contribution - a.contribution);
  const isDisliked = (c: Contribution) =>
    options.notInterested.has(c.trackId) || c.rating <= dislikedStars;
  const isLiked = (c: Contribution) =>
    !isDisliked(c) && (c.rating >= likedStars || loved.has(c.trackId));
  const toReason = (c: Contribution, disliked: boolean): PickReason => {
    const plays = loved.get(c.trackId);
    return {
      kind: disliked ? 'disliked' : plays === undefined ? 'liked' : 'played',
      trackId: c.trackId,
      stars: options.notInterested.has(c.trackId) || plays !== undefined ? null : c.rating,
      plays: disliked ? null : (plays ?? null),
      contribution: c.contribution,
    };
  };
  const liked = pushing.filter(isLiked);
  const top = pushing[0];
  if (top !== undefined && isDisliked(top)) {
    return [...liked.slice(0, Math.max(0, max - 1)), top]
      .map((c) => toReason(c, c === top))
      .slice(0, max);
  }
  return liked.slice(0, max).map((c) => toReason(c, false));
}

/** Genres two songs share, in the pick's order. */
export function sharedGenres(pick: readonly string[], other: readonly string[]): string[] {
  return pick.filter((g) => other.includes(g));
}
