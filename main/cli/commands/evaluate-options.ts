import { appModelOptions } from '../../core/app/model-settings.ts';
import type { AlgorithmSpec } from '../../core/recommender/algorithms/predictors.ts';
import type { SvdOptions } from '../../core/recommender/algorithms/svd-options.ts';
import type { CrossValidationResult } from '../../core/recommender/evaluation/cross-validate.ts';
import { integerOption } from '../arguments.ts';
import { UsageError } from '../cli-io.ts';

/** `--algo` words and the algorithms they name. */
const algorithms = {
  svd: 'svd',
  baseline: 'baseline-only',
  'global-mean': 'global-mean',
  popularity: 'popularity',
  ease: 'ease',
  'implicit-als': 'implicit-als',
  picks: 'picks',
} as const;

export type AlgorithmChoice = keyof typeof algorithms;
export const algorithmChoices = Object.keys(algorithms) as AlgorithmChoice[];

/** The model flags of `earshot evaluate`, as parsed. */
export interface ModelFlags {
  readonly factors?: string;
  readonly epochs?: string;
  readonly lr?: string;
  readonly reg?: string;
  readonly lambda?: string;
  readonly alpha?: string;
  readonly seed?: string;
}

function numberOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min)
    throw new UsageError(`--${name} must be a number of at least ${min}, got "${value}"`);
  return parsed;
}

function optionalInteger(value: string | undefined, name: string, max: number): number | undefined {
  return value === undefined ? undefined : integerOption(value, name, 1, 1, max);
}

function svdOptions(values: ModelFlags, seed: number | undefined): SvdOptions {
  // Undefined options take the algorithm's defaults.
  return {
    seed,
    factors: optionalInteger(values.factors, 'factors', 1000),
    epochs: optionalInteger(values.epochs, 'epochs', 10_000),
    learningRate: numberOption(values.lr, 'lr', 0),
    regularization: numberOption(values.reg, 'reg', 0),
  };
}

/**
 * The evaluated algorithm with its options from the flags. `picks` is what the app shows: the
 * ranking model chosen for the catalog's size, and the app's SVD (its tuned options, which the
 * flags may override) for the calibrated stars.
 */
export function algorithmSpec(
  choice: AlgorithmChoice,
  values: ModelFlags,
  seed: number,
): AlgorithmSpec {
  const algorithm = algorithms[choice];
  switch (algorithm) {
    case 'svd':
      return { algorithm, options: svdOptions(values, seed) };
    case 'picks': {
      const flags = svdOptions(values, seed);
      const app = appModelOptions;
      return {
        algorithm,
        options: {
          ...app,
          seed: values.seed === undefined ? app.seed : seed,
          factors: flags.factors ?? app.factors,
          epochs: flags.epochs ?? app.epochs,
          learningRate: flags.learningRate ?? app.learningRate,
          regularization: flags.regularization ?? app.regularization,
        },
      };
    }
    case 'ease':
      return { algorithm, options: { lambda: numberOption(values.lambda, 'lambda', 0) } };
    case 'implicit-als':
      return {
        algorithm,
        options: {
          seed,
          factors: optionalInteger(values.factors, 'factors', 1000),
          iterations: optionalInteger(values.epochs, 'epochs', 1000),
          regularization: numberOption(values.reg, 'reg', 0),
          alpha: numberOption(values.alpha, 'alpha', 0),
        },
      };
    default:
      return { algorithm };
  }
}

/** The result as `--json` prints it: the folds without their raw calibration sums. */
export function evaluationJson(result: CrossValidationResult): object {
  return {
    ...result,
    folds: result.folds.map(({ calibration: _sums, ...fold }) => fold),
  };
}
