/**
 * Stable counting sort of `rows` by `rank[keys[row]]` (ranks in [0, rankCount)): O(n + ranks).
 */
function countingSort(
  rows: Uint32Array,
  keys: Int32Array,
  rank: Int32Array,
  rankCount: number,
): Uint32Array {
  const starts = new Uint32Array(rankCount + 1);
  for (let i = 0; i < rows.length; i++) starts[rank[keys[rows[i]]] + 1]++;
  for (let r = 0; r < rankCount; r++) starts[r + 1] += starts[r];
  const sorted = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) sorted[starts[rank[keys[rows[i]]]]++] = rows[i]!;
  return sorted;
}

/** Rank of each id among the distinct ids (ids[k] → its position in ascending order). */
export function ranksOf(ids: Int32Array): Int32Array {
  const ascending = Array.from(ids.keys()).sort((a, b) => ids[a] - ids[b]);
  const rank = new Int32Array(ids.length);
  ascending.forEach((k, position) => (rank[k] = position));
  return rank;
}

/**
 * The rows in (user, item) order — by `userRank`, then `itemRank` — keeping only the last row
 * of a repeated pair, as a later line of a file overrides an earlier one. Two stable counting
 * sorts (least significant key first): linear time, which matters at millions of rows.
 */
export function keyOrder(
  userIndex: Int32Array,
  itemIndex: Int32Array,
  userRank: Int32Array,
  itemRank: Int32Array,
): Uint32Array {
  const rows = new Uint32Array(userIndex.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  const byItem = countingSort(rows, itemIndex, itemRank, itemRank.length);
  const byUser = countingSort(byItem, userIndex, userRank, userRank.length);
  const kept = new Uint32Array(byUser.length);
  let count = 0;
  for (let i = 0; i < byUser.length; i++) {
    const row = byUser[i];
    const next = byUser[i + 1];
    const repeated =
      next !== undefined &&
      userIndex[next] === userIndex[row] &&
      itemIndex[next] === itemIndex[row];
    if (!repeated) kept[count++] = row;
  }
  return kept.subarray(0, count);
}
