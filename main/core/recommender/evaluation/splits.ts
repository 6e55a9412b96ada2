import type { RatingArrays } from '../../store/rating-repository.ts';
import { Prng } from '../../random.ts';
import { randomPermutation } from '../algorithms/random-permutation.ts';

/** Positions (indices into the rating arrays) of a training and a test set. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be an integer ≥ 0, got ${count}`);
  }
}

/**
 * Shuffles positions 0 … count−1 with `seed` and cuts them into `folds` test sets of sizes
 * differing by at most one (the first count mod folds are one larger), as Surprise's KFold;
 * fold f trains on the rest.
 */
export function kFoldSplits(count: number, folds: number, seed: number): Split[] {
  checkCount(count);
  if (!Number.isInteger(folds) || folds < 2 || folds > count) {
    throw new RangeError(`folds must be an integer from 2 to ${count}, got ${folds}`);
  }
  const order = randomPermutation(count, new Prng(seed));
  const splits: Split[] = [];
  let start = 0;
  for (let fold = 0; fold < folds; fold++) {
    const size = Math.floor(count / folds) + (fold < count % folds ? 1 : 0);
    const test = order.slice(start, start + size);
    const train = new Int32Array(count - size);
    train.set(order.subarray(0, start));
    train.set(order.subarray(start + size), start);
    splits.push({ train, test });
    start += size;
  }
  return splits;
}

/** A seeded random split with round(count · testFraction) positions in the test set. */
export function trainTestSplit(count: number, testFraction: number, seed: number): Split {
  checkCount(count);
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be in (0, 1), got ${testFraction}`);
  }
  const order = randomPermutation(count, new Prng(seed));
  const testSize = Math.round(count * testFraction);
  return { train: order.slice(testSize), test: order.slice(0, testSize) };
}

/** The ratings at `positions`, as new arrays. */
export function subsetRatings(ratings: RatingArrays, positions: Int32Array): RatingArrays {
  const userIds = new Int32Array(positions.length);
  const trackIds = new Int32Array(positions.length);
  const stars = new Float32Array(positions.length);
  for (let p = 0; p < positions.length; p++) {
    const r = positions[p];
    userIds[p] = ratings.userIds[r];
    trackIds[p] = ratings.trackIds[r];
    stars[p] = ratings.ratings[r];
  }
  return { userIds, trackIds, ratings: stars };
}
