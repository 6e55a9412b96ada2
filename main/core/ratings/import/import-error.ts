import { nounFor } from '../../plural.ts';

/** A line of an imported file that cannot be used, and why. */
export interface BadLine {
  readonly line: number;
  readonly reason: string;
}

export type ImportErrorCode =
  | 'unreadable'
  | 'encoding'
  | 'empty'
  | 'bad-rows'
  | 'bad-header'
  | 'not-own-ratings'
  | 'unknown-format';

/** An import that wrote nothing; the message names the file and the first bad lines. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly badLines: readonly BadLine[];

  constructor(
    code: ImportErrorCode,
    file: string,
    message: string,
    badLines: readonly BadLine[] = [],
  ) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.file = file;
    this.badLines = badLines;
  }
}

/** How many bad lines an error message lists before "and N more". */
const badLinesShown = 10;

export function describeBadLines(file: string, badLines: readonly BadLine[]): string {
  const shown = badLines.slice(0, badLinesShown).map((b) => `  ${file}:${b.line}: ${b.reason}`);
  const more = badLines.length - shown.length;
  return [
    ...shown,
    ...(more > 0 ? [`  … and ${more} more bad ${nounFor(more, 'line')}`] : []),
  ].join('\n');
}
