import type { CliIo } from '../cli-io.ts';
import { describeBadLines } from '../../core/ratings/import/import-error.ts';
import { readRatingFile } from '../../core/ratings/import/read-rating-arrays.ts';
import type { RatingFile } from '../../core/ratings/import/read-rating-arrays.ts';
import { trackSideInformation } from '../../core/app/picks/side-information.ts';
import type { RatingArrays } from '../../core/store/rating-repository.ts';
import type { RatingScale } from '../../core/ratings/import/rating-scale.ts';
import { defaultScale, formatScale, storedScale } from '../../core/ratings/import/rating-scale.ts';
import { evaluationRatings } from '../../core/ratings/import/evaluation-ratings.ts';
import { ratingFileOptions, ratingFileFlags } from '../rating-file-options.ts';
import { crossValidate } from '../../core/recommender/evaluation/cross-validate.ts';
import { formatCrossValidation } from '../../core/recommender/evaluation/format-cross-validation.ts';
import { rankingProtocols } from '../../core/recommender/evaluation/ranking-protocols.ts';
import { choiceOption, dbOption, integerOption, parseCommandArgs } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';
import { withStore } from '../command.ts';
import { algorithmChoices, algorithmSpec, evaluationJson } from './evaluate-options.ts';
import { nounFor, plural } from '../../core/plural.ts';

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
  lambda: { type: 'string' },
  alpha: { type: 'string' },
  seed: { type: 'string' },
  k: { type: 'string' },
  'ranking-protocol': { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

/** The store keeps 0.5–5: the scale is 1–5 unless some imported rating is below 1. */
function storedRatingsScale(ratings: Float32Array): RatingScale {
  return ratings.some((r) => r < 1) ? storedScale : defaultScale;
}

/**
 * The ratings to evaluate: a file on its own scale, a database, or a database plus a file. From
 * a database also its catalog's side information, which the app's picks learn from.
 */
async function loadRatings(
  values: Values,
  io: CliIo,
): Promise<RatingFile & { sideInformation?: RatingArrays }> {
  const file = values.ratings;
  if (file === undefined) {
    return withStore(values.db, io, 'existing', (store) => {
      const arrays = store.ratings.readArrays();
      const sideInformation = trackSideInformation(store.tracks.list());
      return { arrays, scale: storedRatingsScale(arrays.ratings), skipped: [], sideInformation };
    });
  }
  const options = { ...ratingFileOptions(values, file), skipBad: values['skip-bad'] ?? false };
  if (values.db === undefined) return readRatingFile(file, options);
  // Both: the database's ratings with the file's as an import would add them (nothing is kept).
  return withStore(values.db, io, 'existing', (store) => ({
    ...evaluationRatings(store, file, options),
    sideInformation: trackSideInformation(store.tracks.list()),
  }));
}

/** Relevance for ranking metrics: 4 stars on star scales, else the same three-quarter point. */
function relevanceFor(scale: RatingScale): number {
  return scale.min >= 0.5 && scale.max <= 5 ? 4 : scale.min + 0.75 * (scale.max - scale.min);
}

/** Runs `earshot evaluate`; resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, options);
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
  const loaded = await loadRatings(values, io);
  const ratings = loaded.arrays;
  const scale = loaded.scale;
  if (loaded.skipped.length > 0)
    io.err(
      `Skipped ${plural(loaded.skipped.length, 'bad line')}:\n${describeBadLines(values.ratings ?? '', loaded.skipped)}\n`,
    );
  if (ratings.ratings.length < folds)
    throw new UsageError(
      `${plural(ratings.ratings.length, 'rating')} ${nounFor(ratings.ratings.length, 'is', 'are')} too few for ${folds} folds`,
    );
  const { sideInformation } = loaded;
  const result = crossValidate(ratings, {
    ...(spec.algorithm === 'picks' && sideInformation !== undefined
      ? { ...spec, sideInformation }
      : spec),
    folds,
    seed,
    k,
    ratingScale: scale,
    relevanceThreshold: relevanceFor(scale),
    rankingProtocol,
    onFold: (_r, fold, total) => io.err(`fold ${fold}/${total} done\n`),
  });
  io.out(
    values.json
      ? `${JSON.stringify({ ...evaluationJson(result), ratingScale: scale }, null, 2)}\n`
      : `Evaluating ${result.algorithm} on ${plural(ratings.ratings.length, 'rating')} (scale ${formatScale(scale)}), ${folds} folds.\n\n${formatCrossValidation(result)}\n`,
  );
  return 0;
}
