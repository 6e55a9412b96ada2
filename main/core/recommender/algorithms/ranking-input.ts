import { denseIndexOf } from './indexed-ratings.ts';

/**
 * How stars become the signed input x_j a ranking model reads: a liked song pulls its
 * neighbours up, a disliked one pushes them down, a middling one nudges a little. Dislikes are
 * negative by construction, so no 1–2★ song can ever raise a pick.
 */
export interface InputMapping {
  /** Stars at or above which a song counts as liked (x = +1). Default 4. */
  readonly likedFrom: number;
  /** Stars at or below which a song counts as disliked (x = −dislikedWeight). Default 2. */
  readonly dislikedUpTo: number;
  /** x for the stars in between (3★ on a 1–5 scale). Default 0.25; must be ≥ 0. */
  readonly neutralWeight: number;
  /** |x| of a dislike. Default 0.5; must be ≥ 0 (the sign is always negative). */
  readonly dislikedWeight: number;
}

/** Chosen on MovieLens 100k, full catalog (see the recommender README's table). */
const defaultInputMapping: InputMapping = {
  likedFrom: 4,
  dislikedUpTo: 2,
  neutralWeight: 0.25,
  dislikedWeight: 0.5,
};

/** Fills in and checks a mapping; throws RangeError naming the bad field. */
export function resolveInputMapping(mapping: Partial<InputMapping> = {}): InputMapping {
  const resolved = { ...defaultInputMapping, ...mapping };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value)) throw new RangeError(`input.${name} must be finite, got ${value}`);
  }
  if (resolved.dislikedUpTo >= resolved.likedFrom) {
    throw new RangeError(
      `input.dislikedUpTo (${resolved.dislikedUpTo}) must be below input.likedFrom (${resolved.likedFrom})`,
    );
  }
  if (resolved.neutralWeight < 0 || resolved.dislikedWeight < 0) {
    throw new RangeError('input.neutralWeight and input.dislikedWeight must be ≥ 0');
  }
  return resolved;
}

/** x for `stars`: +1 liked, −dislikedWeight disliked, neutralWeight in between. */
function inputWeight(stars: number, mapping: InputMapping): number {
  if (stars >= mapping.likedFrom) return 1;
  if (stars <= mapping.dislikedUpTo) return -mapping.dislikedWeight;
  return mapping.neutralWeight;
}

/** A listener as a ranking model reads them: stars, and optionally signed implicit strengths. */
export interface RankingListener {
  readonly trackIds: ArrayLike<number>;
  /** Stars per track; NaN is allowed only where `weights` gives the input instead. */
  readonly ratings: ArrayLike<number>;
  /**
   * Signed strengths used as x_j instead of the mapped stars (for listening history: a song
   * played often, or skipped; for a taste start's prior). Same length as trackIds when given;
   * NaN where the stars are to be mapped as usual, so one listener can mix rated and weighted
   * songs.
   */
  readonly weights?: ArrayLike<number>;
}

/** A listener's tracks the model knows, as dense items with their input x_j. */
export interface ListenerInput {
  readonly items: Int32Array;
  readonly weights: Float64Array;
  /** Stars as given (NaN for a weight-only entry). */
  readonly ratings: Float64Array;
  /** Tracks the model has never seen: they cannot inform the ranking. */
  readonly unknownTrackIds: readonly number[];
}

/**
 * Maps a listener's tracks to dense items of `itemIds` and their x_j. Throws RangeError for
 * arrays of different lengths, a track given twice, or a value that is not finite.
 */
export function listenerInput(
  itemIds: Int32Array,
  listener: RankingListener,
  mapping: InputMapping,
): ListenerInput {
  const { trackIds, ratings, weights } = listener;
  if (trackIds.length !== ratings.length || (weights && weights.length !== trackIds.length)) {
    throw new RangeError('listener trackIds, ratings and weights differ in length');
  }
  const items: number[] = [];
  const inputs: number[] = [];
  const stars: number[] = [];
  const unknownTrackIds: number[] = [];
  const seen = new Set<number>();
  for (let r = 0; r < trackIds.length; r++) {
    const trackId = trackIds[r];
    if (seen.has(trackId)) throw new RangeError(`track ${trackId} is given twice`);
    seen.add(trackId);
    const given = weights === undefined ? NaN : weights[r];
    const isMapped = Number.isNaN(given);
    const x = isMapped ? inputWeight(ratings[r], mapping) : given;
    if (!Number.isFinite(x) || (isMapped && !Number.isFinite(ratings[r]))) {
      throw new RangeError(`input of track ${trackId} is not finite`);
    }
    const item = denseIndexOf(itemIds, trackId);
    if (item < 0) {
      unknownTrackIds.push(trackId);
      continue;
    }
    items.push(item);
    inputs.push(x);
    stars.push(ratings[r]);
  }
  return {
    items: Int32Array.from(items),
    weights: Float64Array.from(inputs),
    ratings: Float64Array.from(stars),
    unknownTrackIds,
  };
}
