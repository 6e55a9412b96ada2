import { DenseKeys } from './dense-keys.ts';
import { ImportError } from './import-error.ts';
import type { BadLine } from './import-error.ts';
import { detectLayout, fieldProblem, headerProblem, isHeader, unquote } from './rating-formats.ts';
import type { ParsedRatings, RatingsFormat } from './rating-formats.ts';

function splitLine(line: string, separator: string): string[] {
  return (line.endsWith('\r') ? line.slice(0, -1) : line).split(separator);
}

/** Skips a header line if there is one; throws when it names the wrong columns. */
function dataStart(
  lines: readonly string[],
  first: number,
  separator: string,
  file: string,
): number {
  const fields = splitLine(lines[first], separator);
  if (!isHeader(fields)) return first;
  const problem = headerProblem(fields);
  if (problem !== undefined) {
    throw new ImportError('bad-header', file, `${file}:${first + 1}: ${problem}`, [
      { line: first + 1, reason: problem },
    ]);
  }
  return first + 1;
}

/**
 * Parses a ratings file's text. Good lines fill the columns, bad ones go to `bad` with their
 * line number and reason; blank lines are ignored. Throws only when the file as a whole is
 * unusable (empty, or a header naming the wrong columns).
 */
export function parseRatings(text: string, format: RatingsFormat, file: string): ParsedRatings {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) throw new ImportError('empty', file, `${file} is empty: no ratings to import.`);
  const layout = detectLayout(format, lines[first]);
  const users = new DenseKeys();
  const items = new DenseKeys();
  const capacity = lines.length;
  const userIndex = new Int32Array(capacity);
  const itemIndex = new Int32Array(capacity);
  const ratings = new Float64Array(capacity);
  const timestamps = new Float64Array(capacity);
  const bad: BadLine[] = [];
  let count = 0;
  let dataLines = 0;
  for (let i = dataStart(lines, first, layout.separator, file); i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0 || line.trim() === '') continue;
    dataLines++;
    const fields = splitLine(line, layout.separator);
    const problem = fieldProblem(fields, layout);
    if (problem !== undefined) {
      bad.push({ line: i + 1, reason: problem });
      continue;
    }
    userIndex[count] = users.indexOf(unquote(fields[0]));
    itemIndex[count] = items.indexOf(unquote(fields[1]));
    ratings[count] = Number(fields[2]);
    timestamps[count] = fields.length === 4 ? Math.floor(Number(fields[3])) : -1;
    count++;
  }
  return {
    userKeys: users.keys,
    itemKeys: items.keys,
    userIndex: userIndex.subarray(0, count),
    itemIndex: itemIndex.subarray(0, count),
    ratings: ratings.subarray(0, count),
    timestamps: timestamps.subarray(0, count),
    count,
    lines: dataLines,
    bad,
  };
}
