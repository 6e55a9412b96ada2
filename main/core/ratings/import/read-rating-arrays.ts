import type { RatingArrays } from '../../store/rating-repository.ts';
import type { BadLine } from './import-error.ts';
import { refuseBadLines } from './import-ratings.ts';
import { keyOrder } from './key-order.ts';
import { parseRatings } from './parse-ratings.ts';
import type { ParseRatingsOptions } from './parse-ratings.ts';
import type { ParsedRatings } from './rating-formats.ts';
import type { RatingScale } from './rating-scale.ts';
import { readTextFile } from './read-text-file.ts';

export interface RatingFile {
  /** The ratings, on the file's own scale, ordered by user then item. */
  readonly arrays: RatingArrays;
  readonly scale: RatingScale;
  /** Bad lines left out (only with `skipBad`). */
  readonly skipped: readonly BadLine[];
}

/** Parsed rows as arrays: ids 1, 2, … by first appearance; a repeated pair keeps its last line. */
function toArrays(parsed: ParsedRatings): RatingArrays {
  const identity = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
  const order = keyOrder(
    parsed.userIndex,
    parsed.itemIndex,
    identity(parsed.userKeys.length),
    identity(parsed.itemKeys.length),
  );
  const userIds = new Int32Array(order.length);
  const trackIds = new Int32Array(order.length);
  const ratings = new Float32Array(order.length);
  order.forEach((row, i) => {
    userIds[i] = parsed.userIndex[row] + 1;
    trackIds[i] = parsed.itemIndex[row] + 1;
    ratings[i] = parsed.ratings[row];
  });
  return { userIds, trackIds, ratings };
}

/**
 * Reads a ratings file straight into typed arrays, without a database: for evaluating on a file
 * such as MovieLens's u.data or ratings.csv, on the file's own scale (as Surprise's Reader).
 * Bad lines are an error, as in an import, unless `skipBad`.
 */
export function readRatingFile(
  path: string,
  options: ParseRatingsOptions & { readonly skipBad?: boolean } = {},
): RatingFile {
  const { text, name } = readTextFile(path);
  const parsed = parseRatings(text, name, options);
  refuseBadLines(parsed, name, options.skipBad ?? false);
  return { arrays: toArrays(parsed), scale: parsed.scale, skipped: parsed.bad };
}
