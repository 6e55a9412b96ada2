import type { IndexedRatings } from './indexed-ratings.ts';
import type { Prng } from '../../random.ts';
import { randomPermutation } from './random-permutation.ts';

/**
 * How an epoch walks the ratings. Both are one seeded permutation made once per fit:
 * - 'shuffled': uniformly random.
 * - 'cache-blocked': users and items are dealt at random into blocks whose factor rows fit a
 *   core's L2 cache (see {@link blockBytes}); the ratings of each (user block, item block) cell
 *   are visited together, in random order inside the cell, cells in random order (the ordering
 *   LIBMF's blocked SGD uses). Every rating still comes once per epoch; each cell touches only
 *   rows that stay in cache. When all rows fit at once this is exactly 'shuffled'.
 */
export type VisitingOrder = 'cache-blocked' | 'shuffled';

/** Factor-row bytes per block on each side: half of the 1 MiB L2 of the machines measured. */
export const blockBytes = 512 * 1024;

/** Deals `count` rows at random into `blocks` blocks of near-equal size. */
function dealIntoBlocks(count: number, blocks: number, random: Prng): Int32Array {
  const blockOf = new Int32Array(count);
  const order = randomPermutation(count, random);
  for (let position = 0; position < count; position++) {
    blockOf[order[position]] = Math.floor((position * blocks) / count);
  }
  return blockOf;
}

/** Fisher–Yates on order[start, end). */
function shuffleRange(order: Int32Array, start: number, end: number, random: Prng): void {
  for (let i = end - 1; i > start; i--) {
    const j = start + random.nextInt(i - start + 1);
    const held = order[i];
    order[i] = order[j];
    order[j] = held;
  }
}

/**
 * The visiting order of `data`'s ratings for factor rows of `rowBytes` bytes: position p of the
 * result is the index of the p-th rating to update.
 */
export function visitingOrder(
  data: IndexedRatings,
  rowBytes: number,
  kind: VisitingOrder,
  random: Prng,
): Int32Array {
  const count = data.ratings.length;
  const userBlocks = Math.ceil((data.userIds.length * rowBytes) / blockBytes);
  const itemBlocks = Math.ceil((data.itemIds.length * rowBytes) / blockBytes);
  if (kind === 'shuffled' || userBlocks * itemBlocks <= 1) return randomPermutation(count, random);
  const userBlock = dealIntoBlocks(data.userIds.length, userBlocks, random);
  const itemBlock = dealIntoBlocks(data.itemIds.length, itemBlocks, random);
  const cells = userBlocks * itemBlocks;
  const cellRank = randomPermutation(cells, random);
  const cellOf = (r: number): number =>
    cellRank[userBlock[data.users[r]] * itemBlocks + itemBlock[data.items[r]]];
  const starts = new Int32Array(cells + 1);
  for (let r = 0; r < count; r++) starts[cellOf(r) + 1]++;
  for (let cell = 0; cell < cells; cell++) starts[cell + 1] += starts[cell];
  const cursor = starts.slice(0, cells);
  const order = new Int32Array(count);
  for (let r = 0; r < count; r++) order[cursor[cellOf(r)]++] = r;
  for (let cell = 0; cell < cells; cell++)
    shuffleRange(order, starts[cell], starts[cell + 1], random);
  return order;
}
