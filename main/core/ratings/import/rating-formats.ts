import type { BadLine } from './import-error.ts';

/** `csv`: Surprise's Reader layout; `movielens`: u.data (tab), ratings.dat (::) or ratings.csv. */
export type RatingsFormat = 'csv' | 'movielens';

/**
 * Ratings parsed from text. Row `r` (one per good line, `count` in all) rated item
 * `itemKeys[itemIndex[r]]` for user `userKeys[userIndex[r]]`; keys are listed in order of first
 * appearance.
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
}

/** MovieLens files are known by their names (u.data, u1.base, ua.test, ratings.dat); else CSV. */
export function guessRatingsFormat(path: string): RatingsFormat {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /^(u\d?\.(data|base|test)|ratings\.dat|u[ab]\.(base|test))$/.test(name)
    ? 'movielens'
    : 'csv';
}

const ratingScale = { min: 1, max: 5 } as const;

interface Layout {
  readonly separator: string;
  readonly minColumns: number;
  readonly maxColumns: number;
}

const layouts = {
  csv: { separator: ',', minColumns: 3, maxColumns: 4 },
  tab: { separator: '\t', minColumns: 4, maxColumns: 4 },
  dat: { separator: '::', minColumns: 4, maxColumns: 4 },
  movielensCsv: { separator: ',', minColumns: 4, maxColumns: 4 },
} satisfies Record<string, Layout>;

/** Picks the layout from the first line: `::` for ratings.dat, a tab for u.data, else commas. */
export function detectLayout(format: RatingsFormat, firstLine: string): Layout {
  if (format === 'csv') return layouts.csv;
  if (firstLine.includes('::')) return layouts.dat;
  if (firstLine.includes('\t')) return layouts.tab;
  return layouts.movielensCsv;
}

const headerNames = [/^user/i, /^(item|movie|track|song)/i, /^rating$/i, /^(timestamp|time|date)/i];

export function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}

/** A first line whose rating column is not a number is a header, and must name the columns. */
export function headerProblem(fields: readonly string[]): string | undefined {
  if (Number.isFinite(Number(fields[2]))) return undefined;
  const ok = fields.every((field, i) => headerNames[i]?.test(unquote(field)) ?? false);
  return ok
    ? undefined
    : `header must be userID,itemID,rating[,timestamp], got "${fields.join(',')}"`;
}

export function isHeader(fields: readonly string[]): boolean {
  return fields.length >= 3 && !Number.isFinite(Number(fields[2])) && fields[2]?.trim() !== '';
}

/** Checks one data line's fields; returns the reason it is bad, or undefined. */
export function fieldProblem(fields: readonly string[], layout: Layout): string | undefined {
  if (fields.length < layout.minColumns || fields.length > layout.maxColumns) {
    const expected =
      layout.minColumns === layout.maxColumns
        ? `${layout.minColumns}`
        : `${layout.minColumns} or ${layout.maxColumns}`;
    return `expected ${expected} columns, found ${fields.length}`;
  }
  if (unquote(fields[0]) === '') return 'user id is empty';
  if (unquote(fields[1]) === '') return 'item id is empty';
  const text = fields[2].trim();
  const rating = Number(text);
  if (text === '' || !Number.isFinite(rating)) return `rating "${text}" is not a number`;
  if (rating < ratingScale.min || rating > ratingScale.max)
    return `rating ${rating} is outside the ${ratingScale.min}–${ratingScale.max} scale`;
  if (fields.length === 4) {
    const time = fields[3];
    const seconds = Number(time);
    if (time.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
      return `timestamp "${time.trim()}" is not a number of seconds`;
  }
  return undefined;
}
