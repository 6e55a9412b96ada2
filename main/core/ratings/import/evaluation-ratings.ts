import type { Store } from '../../store/store.ts';
import type { RatingFile } from './read-rating-arrays.ts';
import { importRatingsFile } from './import-ratings.ts';
import type { ImportOptions } from './import-ratings.ts';
import { defaultScale, storedScale } from './rating-scale.ts';

/** Thrown to roll the trial import back; never escapes. */
class RollBack extends Error {}

/**
 * The database's ratings together with a file's, exactly as `import-ratings` would add them
 * (same listeners, same items, placeholders, the later value for a repeated pair, the scale
 * mapping), for evaluating "what if I imported this". The import runs inside a transaction that
 * is rolled back, so the database is left exactly as it was.
 */
export function evaluationRatings(store: Store, file: string, options: ImportOptions): RatingFile {
  let result: RatingFile | undefined;
  try {
    store.transaction(() => {
      const summary = importRatingsFile(store, file, options);
      const arrays = store.ratings.readArrays();
      // The store keeps 0.5–5; the scale is 1–5 unless some rating, stored or added, is below 1.
      const scale = arrays.ratings.some((r) => r < 1) ? storedScale : defaultScale;
      result = { arrays, scale, skipped: summary.skipped };
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result!;
}
