import type { CliIo } from '../cli-io.ts';
import { describeBadLines } from '../../core/ratings/import/import-error.ts';
import { readRatingFile } from '../../core/ratings/import/read-rating-arrays.ts';
import type { RatingScale } from '../../core/ratings/import/rating-scale.ts';
import { defaultScale, formatScale, storedScale } from '../../core/ratings/import/rating-scale.ts';
import { evaluationRatings } from '../../core/ratings/import/evaluation-ratings.ts';
import { ratingFileOptions, ratingFileFlags } from '../rating-file-options.ts';
import { crossValidate } from '../../core/recommender/evaluation/cross-validate.ts';
import type { CrossValidateOptions } from '../../core/recommender/evaluation/cross-validate.ts';
import { formatCrossValidation } from '../../core/recommender/evaluation/format-cross-validation.ts';
import type { SvdOptions } from '../../core/recommender/algorithms/svd-options.ts';
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
  ...ratingFileFlags,
  'skip-bad': { type: 'boolean' },
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

/** The store keeps 0.5–5: the scale is 1–5 unless some imported rating is below 1. */
function storedRatingsScale(ratings: Float32Array): RatingScale {
  return ratings.some((r) => r < 1) ? storedScale : defaultScale;
}

/** The ratings to evaluate: a file on its own scale, a database, or a database plus a file. */
async function loadRatings(values: Values, io: CliIo) {
  const file = values.ratings;
  if (file === undefined) {
    const arrays = await withStore(values.db, io, (store) => store.ratings.readArrays());
    return { arrays, scale: storedRatingsScale(arrays.ratings), skipped: [] };
  }
  const options = { ...ratingFileOptions(values, file), skipBad: values['skip-bad'] ?? false };
  if (values.db === undefined) return readRatingFile(file, options);
  // Both: the database's ratings with the file's as an import would add them (nothing is kept).
  return withStore(values.db, io, (store) => evaluationRatings(store, file, options));
}

/** Relevance for ranking metrics: 4 stars on star scales, else the same three-quarter point. */
function relevanceFor(scale: RatingScale): number {
  return scale.min >= 0.5 && scale.max <= 5 ? 4 : scale.min + 0.75 * (scale.max - scale.min);
}

/** Runs `earshot evaluate`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, options);
  const algo = choiceOption(
    values.algo,
    'algo',
    Object.keys(algorithms) as (keyof typeof algorithms)[],
    'svd',
  );
  const seed = integerOption(values.seed, 'seed', 0, 0, 2 ** 32 - 1);
  const folds = integerOption(values.folds, 'folds', 5, 2, 100);
  const k = integerOption(values.k, 'k', 10, 1, 1000);
  const loaded = await loadRatings(values, io);
  const ratings = loaded.arrays;
  const scale = loaded.scale;
  if (loaded.skipped.length > 0)
    io.err(
      `Skipped ${loaded.skipped.length} bad lines:\n${describeBadLines(values.ratings ?? '', loaded.skipped)}\n`,
    );
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
    ratingScale: scale,
    relevanceThreshold: relevanceFor(scale),
    onFold: (_r, fold, total) => io.err(`fold ${fold}/${total} done\n`),
  });
  io.out(
    values.json
      ? `${JSON.stringify({ ...result, ratingScale: scale }, null, 2)}\n`
      : `Evaluating ${result.algorithm} on ${ratings.ratings.length} ratings (scale ${formatScale(scale)}), ${folds} folds.\n\n${formatCrossValidation(result)}\n`,
  );
  return 0;
}
