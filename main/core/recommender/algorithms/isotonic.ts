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

function pooled(a: IsotonicBlock, b: IsotonicBlock): IsotonicBlock {
  const weight = a.weight + b.weight;
  return {
    x: (a.x * a.weight + b.x * b.weight) / weight,
    y: (a.y * a.weight + b.y * b.weight) / weight,
    weight,
  };
}

/**
 * Pools each end block with its neighbours until it weighs at least `minWeight`. Isotonic
 * regression fits its extreme blocks to few, noisy points; an end block is what every score
 * beyond it extrapolates from, so it is made to stand on more data. Pooling increasing
 * neighbours keeps the values increasing.
 */
export function poolEnds(blocks: readonly IsotonicBlock[], minWeight: number): IsotonicBlock[] {
  const result = [...blocks];
  while (result.length > 1 && result[0].weight < minWeight) {
    result.splice(0, 2, pooled(result[0], result[1]));
  }
  while (result.length > 1 && result[result.length - 1].weight < minWeight) {
    const last = result.length - 1;
    result.splice(last - 1, 2, pooled(result[last - 1], result[last]));
  }
  return result;
}
