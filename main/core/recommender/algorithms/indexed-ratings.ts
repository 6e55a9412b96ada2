import type { RatingArrays } from '../../store/rating-repository.ts';

/**
 * Ratings with raw ids mapped to dense indices, the form every algorithm trains on.
 *
 * Dense index `u` is the position of the raw user id in `userIds` (ascending), and likewise for
 * items, so the mapping depends only on which ids occur, never on the order of the ratings.
 */
export interface IndexedRatings {
  /** Raw user ids, ascending; `userIds[u]` is the id of dense user `u`. */
  readonly userIds: Int32Array;
  /** Raw track ids, ascending; `itemIds[i]` is the id of dense item `i`. */
  readonly itemIds: Int32Array;
  /** Per rating `r`: its dense user, dense item and stars. */
  readonly users: Int32Array;
  readonly items: Int32Array;
  readonly ratings: Float32Array;
  /** μ, the mean of all ratings. */
  readonly globalMean: number;
}

/** Checks that the three arrays are parallel and the stars finite; throws TypeError/RangeError. */
export function checkRatingArrays(ratings: RatingArrays): void {
  const { userIds, trackIds } = ratings;
  if (!(userIds instanceof Int32Array) || !(trackIds instanceof Int32Array)) {
    throw new TypeError('ratings.userIds and ratings.trackIds must be Int32Arrays');
  }
  if (!(ratings.ratings instanceof Float32Array)) {
    throw new TypeError('ratings.ratings must be a Float32Array');
  }
  if (userIds.length !== trackIds.length || userIds.length !== ratings.ratings.length) {
    throw new RangeError(
      `ratings arrays differ in length: ${userIds.length} users, ${trackIds.length} tracks, ${ratings.ratings.length} ratings`,
    );
  }
  const stars = ratings.ratings;
  for (let r = 0; r < stars.length; r++) {
    if (!Number.isFinite(stars[r])) throw new RangeError(`ratings must be finite, got ${stars[r]}`);
  }
}

/** Maps raw ids to dense indices. Throws RangeError for no ratings or mismatched arrays. */
export function indexRatings(ratings: RatingArrays): IndexedRatings {
  checkRatingArrays(ratings);
  if (ratings.ratings.length === 0) throw new RangeError('ratings must not be empty');
  const [userIds, users] = densify(ratings.userIds);
  const [itemIds, items] = densify(ratings.trackIds);
  let sum = 0;
  for (let r = 0; r < ratings.ratings.length; r++) sum += ratings.ratings[r];
  return {
    userIds,
    itemIds,
    users,
    items,
    ratings: ratings.ratings,
    globalMean: sum / ratings.ratings.length,
  };
}

/** The dense index of `id` in ascending `sortedIds`, or −1 when absent (binary search). */
export function denseIndexOf(sortedIds: Int32Array, id: number): number {
  let low = 0;
  let high = sortedIds.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sortedIds[middle];
    if (value === id) return middle;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Maps each id of `raw` to its dense index: `[distinct ids ascending, dense index per entry]`. */
function densify(raw: Int32Array): [Int32Array, Int32Array] {
  let min = raw[0];
  let max = raw[0];
  for (let r = 1; r < raw.length; r++) {
    if (raw[r] < min) min = raw[r];
    if (raw[r] > max) max = raw[r];
  }
  const range = max - min + 1;
  // Database row ids are compact, so a direct table is the common, linear-time path.
  if (range <= Math.max(4 * raw.length, 1 << 20)) return densifyByTable(raw, min, range);
  const distinct = Int32Array.from(new Set(raw)).sort();
  const dense = new Int32Array(raw.length);
  for (let r = 0; r < raw.length; r++) dense[r] = denseIndexOf(distinct, raw[r]);
  return [distinct, dense];
}

function densifyByTable(raw: Int32Array, min: number, range: number): [Int32Array, Int32Array] {
  const table = new Int32Array(range).fill(-1);
  for (let r = 0; r < raw.length; r++) table[raw[r] - min] = 0;
  let count = 0;
  for (let slot = 0; slot < range; slot++) if (table[slot] === 0) table[slot] = count++;
  const distinct = new Int32Array(count);
  for (let slot = 0; slot < range; slot++) {
    if (table[slot] >= 0) distinct[table[slot]] = slot + min;
  }
  const dense = new Int32Array(raw.length);
  for (let r = 0; r < raw.length; r++) dense[r] = table[raw[r] - min];
  return [distinct, dense];
}
