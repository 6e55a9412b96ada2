import { detectDelimiter, delimiterName, readCsvRecords } from './csv-records.ts';
import type { CsvVisitor } from './csv-records.ts';
import { DenseKeys } from './dense-keys.ts';
import { ImportError } from './import-error.ts';
import type { BadLine } from './import-error.ts';
import { parseTime } from './parse-time.ts';
import {
  headerColumns,
  isMovieLensCsvHeader,
  looksLikeHeader,
  positionalColumns,
} from './rating-formats.ts';
import type { Columns, ParsedRatings, RatingsFormat } from './rating-formats.ts';
import { defaultScale, formatScale, halfStarScale } from './rating-scale.ts';
import type { RatingScale } from './rating-scale.ts';
import { decimalPlaces, parseDecimal } from './strict-number.ts';

export interface ParseRatingsOptions {
  readonly format?: RatingsFormat;
  /** The file's rating scale; by default the format's own (see `defaultScaleFor`). */
  readonly scale?: RatingScale;
  /** The field delimiter of a CSV file; detected among comma, semicolon and tab by default. */
  readonly delimiter?: string;
}

/** Control characters (C0, DEL, C1): never part of a real id, often a sign of a broken file. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
/** More decimals than this is a computed value, not a rating (Jester's −10–10 uses two). */
const maxDecimals = 2;

function idProblem(id: string, what: string): string | undefined {
  if (id === '') return `${what} id is empty`;
  if (controlCharacter.test(id))
    return `${what} id ${JSON.stringify(id)} contains a control character`;
  return undefined;
}

/** The delimiter of a MovieLens file, from its first line: `::`, a tab, or a comma. */
function movieLensDelimiter(firstLine: string): string {
  if (firstLine.includes('::')) return '::';
  return firstLine.includes('\t') ? '\t' : ',';
}

/** Fills typed columns from records, checking each one; bad records go to `bad`. */
class RatingsReader implements CsvVisitor {
  readonly users = new DenseKeys();
  readonly items = new DenseKeys();
  readonly badLines: BadLine[] = [];
  readonly userIndex: Int32Array;
  readonly itemIndex: Int32Array;
  readonly ratings: Float64Array;
  readonly timestamps: Float64Array;
  count = 0;
  lines = 0;
  columns: Columns | undefined;
  scale: RatingScale = defaultScale;

  readonly setup: (fields: string[], line: number) => boolean;
  readonly hint: string;

  constructor(capacity: number, setup: (fields: string[], line: number) => boolean, hint: string) {
    this.setup = setup;
    this.hint = hint;
    this.userIndex = new Int32Array(capacity);
    this.itemIndex = new Int32Array(capacity);
    this.ratings = new Float64Array(capacity);
    this.timestamps = new Float64Array(capacity);
  }

  record(fields: string[], line: number): void {
    if (this.columns === undefined && this.setup(fields, line)) return;
    this.lines++;
    const problem = this.#read(fields, this.columns!);
    if (problem !== undefined) this.badLines.push({ line, reason: problem });
  }

  bad(line: number, reason: string): void {
    this.lines++;
    this.badLines.push({ line, reason });
  }

  #read(fields: string[], columns: Columns): string | undefined {
    if (fields.length < columns.minFields || fields.length > columns.maxFields) {
      const expected =
        columns.minFields === columns.maxFields
          ? `${columns.minFields}`
          : `${columns.minFields} or ${columns.maxFields}`;
      return `expected ${expected} columns, found ${fields.length}${fields.length === 1 ? this.hint : ''}`;
    }
    const user = fields[columns.user].trim();
    const item = fields[columns.item].trim();
    const idIssue = idProblem(user, 'user') ?? idProblem(item, 'item');
    if (idIssue !== undefined) return idIssue;
    const ratingText = fields[columns.rating].trim();
    const rating = parseDecimal(ratingText);
    if (rating === undefined)
      return `rating "${ratingText}" is not a number (write a decimal such as 4 or 3.5)`;
    if (decimalPlaces(ratingText) > maxDecimals)
      return `rating ${ratingText} has more than ${maxDecimals} decimals: not a rating a person gave`;
    if (rating < this.scale.min || rating > this.scale.max) return this.#offScale(rating);
    let seconds = -1;
    if (columns.time >= 0 && columns.time < fields.length) {
      const time = parseTime(fields[columns.time]);
      if (!time.ok) return time.reason;
      seconds = time.seconds;
    }
    const row = this.count++;
    this.userIndex[row] = this.users.indexOf(user);
    this.itemIndex[row] = this.items.indexOf(item);
    this.ratings[row] = rating;
    this.timestamps[row] = seconds;
    return undefined;
  }

  #offScale(rating: number): string {
    const halfStars =
      this.scale.min === 1 && rating === 0.5 ? ' (half stars from 0.5? give --scale 0.5,5)' : '';
    return `rating ${rating} is outside the ${formatScale(this.scale)} scale${halfStars}`;
  }
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Parses a ratings file's text (RFC 4180 CSV through csv-parse, or a MovieLens layout). Good
 * lines fill the columns, bad ones go to `bad` with their line number and reason; blank lines
 * are ignored. A header, when there is one, names the columns in any order. Ratings are strict
 * decimals with at most two decimals on the file's scale; times are seconds, milliseconds or
 * ISO 8601; ids with control characters are refused. Throws only when the file as a whole is
 * unusable (empty, or a header without user, item and rating columns).
 */
export function parseRatings(
  text: string,
  file: string,
  options: ParseRatingsOptions = {},
): ParsedRatings {
  const format = options.format ?? 'csv';
  const firstLine = /^\uFEFF?[ \t]*\S[^\n]*/m.exec(text)?.[0];
  if (firstLine === undefined)
    throw new ImportError('empty', file, `${file} is empty: no ratings to import.`);
  const delimiter =
    format === 'movielens'
      ? movieLensDelimiter(firstLine)
      : (options.delimiter ?? detectDelimiter(text));
  const baseScale = format === 'movielens' && delimiter === ',' ? halfStarScale : defaultScale;
  const setup = (fields: string[], line: number): boolean => {
    const isHeader = looksLikeHeader(fields, (t) => parseDecimal(t) !== undefined);
    const columns = isHeader ? headerColumns(fields) : positionalColumns(format);
    if (typeof columns === 'string')
      throw new ImportError('bad-header', file, `${file}:${line}: ${columns}`, [
        { line, reason: columns },
      ]);
    reader.columns = columns;
    reader.scale =
      options.scale ?? (isHeader && isMovieLensCsvHeader(fields) ? halfStarScale : baseScale);
    return isHeader;
  };
  const hint = ` (the delimiter was ${delimiterName(delimiter)}; give --delimiter if it is another)`;
  const reader = new RatingsReader(lineCount(text), setup, hint);
  readCsvRecords(text, delimiter, reader);
  if (reader.columns === undefined && reader.badLines.length === 0)
    throw new ImportError('empty', file, `${file} is empty: no ratings to import.`);
  const n = reader.count;
  return {
    userKeys: reader.users.keys,
    itemKeys: reader.items.keys,
    userIndex: reader.userIndex.subarray(0, n),
    itemIndex: reader.itemIndex.subarray(0, n),
    ratings: reader.ratings.subarray(0, n),
    timestamps: reader.timestamps.subarray(0, n),
    count: n,
    lines: reader.lines,
    bad: reader.badLines,
    scale: reader.scale,
  };
}
