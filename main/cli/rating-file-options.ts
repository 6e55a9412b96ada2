import type { ParseRatingsOptions } from '../core/ratings/import/parse-ratings.ts';
import type { RatingsFormat } from '../core/ratings/import/rating-formats.ts';
import { guessRatingsFormat } from '../core/ratings/import/rating-formats.ts';
import { parseScale } from '../core/ratings/import/rating-scale.ts';
import { choiceOption } from './arguments.ts';
import { UsageError } from './cli-io.ts';

/** The flags that say how to read a ratings file, shared by `import-ratings` and `evaluate`. */
export const ratingFileFlags = {
  format: { type: 'string' },
  scale: { type: 'string' },
  delimiter: { type: 'string' },
} as const;

const delimiterWords: Readonly<Record<string, string>> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
};

function delimiterOption(value: string): string {
  const delimiter = delimiterWords[value] ?? value;
  if (delimiter === '' || delimiter.length > 2 || /["\r\n]/.test(delimiter))
    throw new UsageError(
      `--delimiter must be one or two characters (or tab, comma, semicolon), not a quote or line break; got "${value}"`,
    );
  return delimiter;
}

/** `--format`, `--scale` and `--delimiter` as parser options; the format is guessed from the name. */
export function ratingFileOptions(
  values: {
    format?: string | undefined;
    scale?: string | undefined;
    delimiter?: string | undefined;
  },
  file: string,
): ParseRatingsOptions {
  const format = choiceOption<RatingsFormat>(
    values.format,
    'format',
    ['csv', 'movielens'],
    guessRatingsFormat(file),
  );
  const scale = values.scale === undefined ? undefined : parseScale(values.scale);
  if (typeof scale === 'string') throw new UsageError(scale);
  return {
    format,
    ...(scale === undefined ? {} : { scale }),
    ...(values.delimiter === undefined ? {} : { delimiter: delimiterOption(values.delimiter) }),
  };
}
