import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RatingArrays } from '../../store/rating-repository.ts';
import { decodeText } from './decode-text.ts';
import { describeBadLines, ImportError } from './import-error.ts';
import { keyOrder } from './key-order.ts';
import { parseRatings } from './parse-ratings.ts';
import type { RatingsFormat } from './rating-formats.ts';
import { plural } from '../../plural.ts';

/**
 * Reads a ratings file straight into typed arrays, without a database: for evaluating on a
 * file such as MovieLens's u.data. Users and items get ids 1, 2, … in order of first
 * appearance; a repeated pair keeps its last line. Any bad line is an error, as in an import.
 */
export function readRatingArrays(path: string, format: RatingsFormat): RatingArrays {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ImportError('unreadable', path, `Cannot read ${path}: ${(error as Error).message}`);
  }
  const parsed = parseRatings(decodeText(bytes, file), format, file);
  if (parsed.bad.length > 0) {
    throw new ImportError(
      'bad-rows',
      file,
      `${file}: ${plural(parsed.bad.length, 'bad line')}:\n${describeBadLines(file, parsed.bad)}`,
      parsed.bad,
    );
  }
  if (parsed.count === 0) throw new ImportError('empty', file, `${file} has no ratings.`);
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
    ratings[i] = parsed.ratings[row]!;
  });
  return { userIds, trackIds, ratings };
}
