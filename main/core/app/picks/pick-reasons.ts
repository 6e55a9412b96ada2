import type { Contribution } from './pick-ranker.ts';

/** Songs rated this many stars or more are "liked": the only ones a "because" may cite. */
export const likedStars = 4;
/** Songs rated this many stars or fewer are "disliked". */
const dislikedStars = 2;

export interface PickReason {
  /** `liked`: "because you liked X"; `disliked`: "…and you didn't like Y". */
  readonly kind: 'liked' | 'disliked';
  readonly trackId: number;
  /** The listener's stars; null for a song they marked "not interested". */
  readonly stars: number | null;
  /** The model's exact term for this song in the pick's score (positive: it pushed the pick up). */
  readonly contribution: number;
}

export interface ReasonOptions {
  /** Songs the listener marked "not interested" (fed to the ranker as a mild dislike). */
  readonly notInterested: ReadonlySet<number>;
  /** At most this many reasons (default 2). */
  readonly max?: number;
}

/**
 * Up to two reasons for a pick from its exact score terms. Only liked songs (≥ 4★) are cited as
 * "because"; a 3★ song is never cited. When the largest push comes from a song the listener
 * disliked (a dissimilar song scores higher the more a dislike pulls its neighbours down), it is
 * said plainly as a `disliked` reason, after the best liked one if there is any.
 */
export function reasonsFor(
  contributions: readonly Contribution[],
  options: ReasonOptions,
): PickReason[] {
  const max = options.max ?? 2;
  const pushing = contributions.filter((c) => c.contribution > 0);
  pushing.sort((a, b) => b.contribution - a.contribution);
  const isDisliked = (c: Contribution) =>
    options.notInterested.has(c.trackId) || c.rating <= dislikedStars;
  const toReason = (c: Contribution, kind: PickReason['kind']): PickReason => ({
    kind,
    trackId: c.trackId,
    stars: options.notInterested.has(c.trackId) ? null : c.rating,
    contribution: c.contribution,
  });
  const liked = pushing.filter((c) => !isDisliked(c) && c.rating >= likedStars);
  const top = pushing[0];
  if (top !== undefined && isDisliked(top)) {
    return [...liked.slice(0, Math.max(0, max - 1)), top]
      .map((c) => toReason(c, c === top ? 'disliked' : 'liked'))
      .slice(0, max);
  }
  return liked.slice(0, max).map((c) => toReason(c, 'liked'));
}

/** Genres two songs share, in the pick's order. */
export function sharedGenres(pick: readonly string[], other: readonly string[]): string[] {
  return pick.filter((g) => other.includes(g));
}
