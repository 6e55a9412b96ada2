/** A monotone step: points pooled into one block with the mean of their values. */
export interface IsotonicBlock {
  /** Weighted mean of the block's x. */
  x: number;
  /** Weighted mean of the block's y: the fitted value. */
  y: number;
  weight: number;
}

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing fit of y on x (points
 * already sorted by x) that minimises Σ w (y − ŷ)². Adjacent blocks with equal fitted values
 * are pooled too, so the blocks' y values are strictly increasing.
 */
export function poolAdjacentViolators(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
): IsotonicBlock[] {
  const blocks: IsotonicBlock[] = [];
  for (let p = 0; p < x.length; p++) {
    let block: IsotonicBlock = { x: x[p], y: y[p], weight: weights[p] };
    while (blocks.length > 0 && blocks[blocks.length - 1].y >= block.y) {
      const previous = blocks.pop() as IsotonicBlock;
      const weight = previous.weight + block.weight;
      block = {
        x: (previous.x * previous.weight + block.x * block.weight) / weight,
        y: (previous.y * previous.weight + block.y * block.weight) / weight,
        weight,
      };
    }
    blocks.push(block);
  }
  return blocks;
}
