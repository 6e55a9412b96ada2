import type { BadLine } from './import-error.ts';
import type { RatingScale } from './rating-scale.ts';

/** `csv`: Surprise's Reader layout; `movielens`: u.data (tab), ratings.dat (::) or ratings.csv. */
export type RatingsFormat = 'csv' | 'movielens';

/**
 * Ratings parsed from text. Row `r` (one per good line, `count` in all) rated item
 * `itemKeys[itemIndex[r]]` for user `userKeys[userIndex[r]]`; keys are listed in order of first
 * appearance. Ratings are as the file wrote them, on `scale`.
 */
export interface ParsedRatings {
  readonly userKeys: readonly string[];
  readonly itemKeys: readonly string[];
  readonly userIndex: Int32Array;
  readonly itemIndex: Int32Array;
  readonly ratings: Float64Array;
  /** Unix seconds, or −1 where the line gave no time. */
  readonly timestamps: Float64Array;
  readonly count: number;
  /** Data lines read (good and bad; blank lines and the header excluded). */
  readonly lines: number;
  readonly bad: readonly BadLine[];
  /** The scale the ratings were checked against: given, or the format's own. */
  readonly scale: RatingScale;
}

/** MovieLens files are known by their names (u.data, u1.base, ua.test, ratings.dat); else CSV. */
export function guessRatingsFormat(path: string): RatingsFormat {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^(u\d?\.(data|base|test)|ratings\.dat|u[ab]\.(base|test))$/.test(name)
    ? 'movielens'
    : 'csv';
}

/** Where each value is in a record; `time` is −1 when the file has no time column. */
export interface Columns {
  readonly user: number;
  readonly item: number;
  readonly rating: number;
  readonly time: number;
  /** Fields a data record must have (a header file's records have its width). */
  readonly minFields: number;
  readonly maxFields: number;
}

const headerNames = {
  user: /^user(?:[ _-]?id)?$/i,
  item: /^(?:item|movie|track|song)(?:[ _-]?id)?$/i,
  rating: /^(?:rating|stars|score)$/i,
  time: /^(?:timestamp|time|date|rated[ _-]?at)$/i,
} as const;

/** The header MovieLens's ratings.csv files have: they rate in half stars, 0.5–5. */
export function isMovieLensCsvHeader(fields: readonly string[]): boolean {
  return fields.join(',').trim().toLowerCase() === 'userid,movieid,rating,timestamp';
}

/** Positional columns of a file without a header: user, item, rating[, time]. */
export function positionalColumns(format: RatingsFormat): Columns {
  return format === 'csv'
    ? { user: 0, item: 1, rating: 2, time: 3, minFields: 3, maxFields: 4 }
    : { user: 0, item: 1, rating: 2, time: 3, minFields: 4, maxFields: 4 };
}

/** A first record is a header when it names a rating column or its third field is not a number. */
export function looksLikeHeader(
  fields: readonly string[],
  isNumber: (text: string) => boolean,
): boolean {
  if (fields.some((field) => headerNames.rating.test(field.trim()))) return true;
  return fields.length >= 3 && fields[2].trim() !== '' && !isNumber(fields[2].trim());
}

/** Columns named by a header (in any order, extra columns ignored), or why they cannot be found. */
export function headerColumns(fields: readonly string[]): Columns | string {
  const find = (pattern: RegExp): number => fields.findIndex((f) => pattern.test(f.trim()));
  const [user, item, rating, time] = [
    find(headerNames.user),
    find(headerNames.item),
    find(headerNames.rating),
    find(headerNames.time),
  ];
  if (user < 0 || item < 0 || rating < 0) {
    return `header must name user, item and rating columns (as userID,itemID,rating[,timestamp]), got "${fields.join(',')}"`;
  }
  return { user, item, rating, time, minFields: fields.length, maxFields: fields.length };
}
