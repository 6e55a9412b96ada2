import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import type { RatingArrays } from '../../main/core/store/rating-repository.ts';

/**
 * Where the benchmark looks for MovieLens 100k's u.data unless EARSHOT_ML100K names a file:
 * `../shared/data/ml-100k/u.data` beside the project folder, where this workplace keeps it.
 */
export const defaultMovieLens100kPath = fileURLToPath(
  new URL('../../../shared/data/ml-100k/u.data', import.meta.url),
);

/**
 * Reads a MovieLens `u.data` file (tab-separated user, item, rating, timestamp), or returns
 * undefined when it is absent. Only benchmarks read it; the data set is never in the repo.
 */
export function readMovieLens(path: string): RatingArrays | undefined {
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const userIds = new Int32Array(lines.length);
  const trackIds = new Int32Array(lines.length);
  const ratings = new Float32Array(lines.length);
  lines.forEach((line, r) => {
    const [user, item, rating] = line.split('\t');
    userIds[r] = Number(user);
    trackIds[r] = Number(item);
    ratings[r] = Number(rating);
  });
  return { userIds, trackIds, ratings };
}
