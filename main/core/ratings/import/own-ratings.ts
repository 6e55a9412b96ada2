import { DenseKeys } from './dense-keys.ts';
import { ImportError } from './import-error.ts';
import type { ParsedRatings } from './rating-formats.ts';

/**
 * The user id `export` writes for the person at the keyboard, so that their ratings can be told
 * apart from imported and simulated listeners' and restored with `import-ratings --as-me`.
 */
export const ownListenerMark = 'earshot:me';

/**
 * The rows of `parsed` that are the listener's own: those of the marked listener when the file
 * has one (an Earshot export), else every row of a file that holds a single listener (a personal
 * export from elsewhere). A file of several listeners, none marked, is refused: which of them
 * is you cannot be guessed.
 */
export function selectOwnRows(parsed: ParsedRatings, file: string): ParsedRatings {
  const marked = parsed.userKeys.indexOf(ownListenerMark);
  if (marked < 0 && parsed.userKeys.length === 1) return parsed;
  if (marked < 0) {
    throw new ImportError(
      'not-own-ratings',
      file,
      `${file} holds ${parsed.userKeys.length} listeners and none is marked "${ownListenerMark}" (as Earshot's export marks yours), so --as-me cannot tell which ratings are yours. Give a file of your ratings only, or import without --as-me.`,
    );
  }
  const rows: number[] = [];
  for (let r = 0; r < parsed.count; r++) if (parsed.userIndex[r] === marked) rows.push(r);
  // Only the items this listener rated: others' items must not become placeholders.
  const items = new DenseKeys();
  const itemIndex = Int32Array.from(rows, (row) =>
    items.indexOf(parsed.itemKeys[parsed.itemIndex[row]]),
  );
  return {
    ...parsed,
    userKeys: [ownListenerMark],
    itemKeys: items.keys,
    userIndex: new Int32Array(rows.length),
    itemIndex,
    ratings: Float64Array.from(rows, (row) => parsed.ratings[row]),
    timestamps: Float64Array.from(rows, (row) => parsed.timestamps[row]),
    count: rows.length,
  };
}
