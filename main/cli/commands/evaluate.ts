import type { CliIo } from '../cli-io.ts';
import { readRatingArrays } from '../../core/ratings/import/read-rating-arrays.ts';
import { crossValidate } from '../../core/recommender/evaluation/cross-validate.ts';
import type { CrossValidateOptions } from '../../core/recommender/evaluation/cross-validate.ts';
import { formatCrossValidation } from '../../core/recommender/evaluation/format-cross-validation.ts';
import type { SvdOptions } from '../../core/recommender/algorithms/svd-options.ts';
import type { RatingArrays } from '../../core/store/rating-repository.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';

const algorithms = {
  svd: 'svd',
  baseline: 'baseline-only',
  'global-mean': 'global-mean',
  popularity: 'popularity',
} as const;

function numberOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min)
    throw new UsageError(`--${name} must be a number of at least ${min}, got "${value}"`);
  return parsed;
}

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
  seed: { type: 'string' },
  k: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function svdOptions(values: Values, seed: number): SvdOptions {
  const factors =
    values.factors === undefined
      ? undefined
      : integerOption(values.factors, 'factors', 100, 1, 1000);
  const epochs =
    values.epochs === undefined ? undefined : integerOption(values.epochs, 'epochs', 20, 1, 10_000);
  const learningRate = numberOption(values.lr, 'lr', 0);
  const regularization = numberOption(values.reg, 'reg', 0);
  return {
    seed,
    ...(factors === undefined ? {} : { factors }),
    ...(epochs === undefined ? {} : { epochs }),
    ...(learningRate === undefined ? {} : { learningRate }),
    ...(regularization === undefined ? {} : { regularization }),
  };
}

/** Runs `earshot evaluate`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, options);
  if (values.ratings !== undefined && values.db !== undefined)
    throw new UsageError('give --db or --ratings, not both');
  const algo = choiceOption(
    values.algo,
    'algo',
    Object.keys(algorithms) as (keyof typeof algorithms)[],
    'svd',
  );
  const seed = integerOption(values.seed, 'seed', 0, 0, 2 ** 32 - 1);
  const folds = integerOption(values.folds, 'folds', 5, 2, 100);
  const k = integerOption(values.k, 'k', 10, 1, 1000);
  const ratingsFile = values.ratings;
  const ratings: RatingArrays =
    ratingsFile !== undefined
      ? readRatingArrays(
          ratingsFile,
          choiceOption(
            values.format,
            'format',
            ['csv', 'movielens'],
            /\.(data|dat)$/.test(ratingsFile) ? 'movielens' : 'csv',
          ),
        )
      : await withStore(values.db, io, 'existing', (store) => store.ratings.readArrays());
  if (ratings.ratings.length < folds)
    throw new UsageError(`there are ${ratings.ratings.length} ratings: too few for ${folds} folds`);
  const algorithm = algorithms[algo];
  const spec = (
    algorithm === 'svd' ? { algorithm, options: svdOptions(values, seed) } : { algorithm }
  ) as CrossValidateOptions;
  const result = crossValidate(ratings, {
    ...spec,
    folds,
    seed,
    k,
    onFold: (_r, fold, total) => io.err(`fold ${fold}/${total} done\n`),
  });
  io.out(
    values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `Evaluating ${result.algorithm} on ${ratings.ratings.length} ratings, ${folds} folds.\n\n${formatCrossValidation(result)}\n`,
  );
  return 0;
}
