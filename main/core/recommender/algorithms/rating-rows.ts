import type { IndexedRatings } from './indexed-ratings.ts';

/**
 * Ratings grouped by one side (compressed rows): row `r` owns positions
 * `start[r]` … `start[r + 1] − 1` of `others` (the dense index on the other side, ascending)
 * and `ratings` (its stars).
 */
export interface RatingRows {
  readonly start: Int32Array;
  readonly others: Int32Array;
  readonly ratings: Float32Array;
}

/** The ratings grouped by user (`by: 'user'`) or by item, each row's entries in ascending order. */
export function ratingRows(data: IndexedRatings, by: 'user' | 'item'): RatingRows {
  const [keys, others, rows] =
    by === 'user'
      ? [data.users, data.items, data.userIds.length]
      : [data.items, data.users, data.itemIds.length];
  const start = new Int32Array(rows + 1);
  for (let r = 0; r < keys.length; r++) start[keys[r] + 1]++;
  for (let row = 0; row < rows; row++) start[row + 1] += start[row];
  // Fill in order of the other side so every row comes out sorted (a counting sort).
  const order = new Int32Array(keys.length);
  const otherStart = new Int32Array((by === 'user' ? data.itemIds : data.userIds).length + 1);
  for (let r = 0; r < others.length; r++) otherStart[others[r] + 1]++;
  for (let o = 1; o < otherStart.length; o++) otherStart[o] += otherStart[o - 1];
  for (let r = 0; r < others.length; r++) order[otherStart[others[r]]++] = r;
  const next = start.slice(0, rows);
  const sortedOthers = new Int32Array(keys.length);
  const sortedRatings = new Float32Array(keys.length);
  for (const r of order) {
    const at = next[keys[r]]++;
    sortedOthers[at] = others[r];
    sortedRatings[at] = data.ratings[r];
  }
  return { start, others: sortedOthers, ratings: sortedRatings };
}
