import type { CliIo } from '../cli-io.ts';
import { readRatingArrays } from '../../core/ratings/import/read-rating-arrays.ts';
import { crossValidate } from '../../core/recommender/evaluation/cross-validate.ts';
import { formatCrossValidation } from '../../core/recommender/evaluation/format-cross-validation.ts';
import { rankingProtocols } from '../../core/recommender/evaluation/ranking-protocols.ts';
import type { RatingArrays } from '../../core/store/rating-repository.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { algorithmChoices, algorithmSpec, evaluationJson } from './evaluate-options.ts';
import { nounFor, plural } from '../../core/plural.ts';

const options = {
  ...dbOption,
  ratings: { type: 'string' },
  format: { type: 'string' },
  folds: { type: 'string' },
  algo: { type: 'string' },
  factors: { type: 'string' },
  epochs: { type: 'string' },
  lr: { type: 'string' },
  reg: { type: 'string' },
  lambda: { type: 'string' },
  alpha: { type: 'string' },
  seed: { type: 'string' },
  k: { type: 'string' },
  'ranking-protocol': { type: 'string' },
  json: { type: 'boolean' },
} as const;

function readRatings(values: { ratings?: string; format?: string }): RatingArrays | undefined {
  const file = values.ratings;
  if (file === undefined) return undefined;
  const guess = /\.(data|dat)$/.test(file) ? 'movielens' : 'csv';
  return readRatingArrays(file, choiceOption(values.format, 'format', ['csv', 'movielens'], guess));
}

/** Runs `earshot evaluate`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, options);
  if (values.ratings !== undefined && values.db !== undefined)
    throw new UsageError('give --db or --ratings, not both');
  const algo = choiceOption(values.algo, 'algo', algorithmChoices, 'svd');
  const seed = integerOption(values.seed, 'seed', 0, 0, 2 ** 32 - 1);
  const folds = integerOption(values.folds, 'folds', 5, 2, 100);
  const k = integerOption(values.k, 'k', 10, 1, 1000);
  const rankingProtocol = choiceOption(
    values['ranking-protocol'],
    'ranking-protocol',
    rankingProtocols,
    'full-catalog',
  );
  const spec = algorithmSpec(algo, values, seed);
  const ratings =
    readRatings(values) ??
    (await withStore(values.db, io, 'existing', (store) => store.ratings.readArrays()));
  if (ratings.ratings.length < folds)
    throw new UsageError(
      `${plural(ratings.ratings.length, 'rating')} ${nounFor(ratings.ratings.length, 'is', 'are')} too few for ${folds} folds`,
    );
  const result = crossValidate(ratings, {
    ...spec,
    folds,
    seed,
    k,
    rankingProtocol,
    onFold: (_r, fold, total) => io.err(`fold ${fold}/${total} done\n`),
  });
  io.out(
    values.json
      ? `${JSON.stringify(evaluationJson(result), null, 2)}\n`
      : `Evaluating ${result.algorithm} on ${plural(ratings.ratings.length, 'rating')}, ${folds} folds.\n\n${formatCrossValidation(result)}\n`,
  );
  return 0;
}
