/**
 * The options of an SVD fit, with Surprise's defaults (`surprise.SVD`). A single learning rate
 * and regularisation apply to every term unless a per-term value overrides it.
 */
export interface SvdOptions {
  /** Number of latent factors k. Default 100. */
  readonly factors?: number;
  /** Passes of SGD over the ratings. Default 20. */
  readonly epochs?: number;
  /** With biases: r̂ = μ + b_u + b_i + q_i·p_u; without: r̂ = q_i·p_u. Default true. */
  readonly biased?: boolean;
  /** Factors start as draws from N(initMean, initStd²). Defaults 0 and 0.1. */
  readonly initMean?: number;
  readonly initStd?: number;
  /** γ for every term. Default 0.005. */
  readonly learningRate?: number;
  /** λ for every term. Default 0.02. */
  readonly regularization?: number;
  readonly lrBu?: number;
  readonly lrBi?: number;
  readonly lrPu?: number;
  readonly lrQi?: number;
  readonly regBu?: number;
  readonly regBi?: number;
  readonly regPu?: number;
  readonly regQi?: number;
  /** Seeds the factor initialisation and the visiting order. Default 0. */
  readonly seed?: number;
  /** Predictions are clipped to [min, max]. Default 1–5 stars. */
  readonly ratingScale?: { readonly min: number; readonly max: number };
}

/** Every option decided: what a model records as its parameters. */
export interface ResolvedSvdOptions {
  readonly factors: number;
  readonly epochs: number;
  readonly biased: boolean;
  readonly initMean: number;
  readonly initStd: number;
  readonly lrBu: number;
  readonly lrBi: number;
  readonly lrPu: number;
  readonly lrQi: number;
  readonly regBu: number;
  readonly regBi: number;
  readonly regPu: number;
  readonly regQi: number;
  readonly seed: number;
  readonly ratingScale: { readonly min: number; readonly max: number };
}

const svdDefaults = {
  factors: 100,
  epochs: 20,
  initMean: 0,
  initStd: 0.1,
  learningRate: 0.005,
  regularization: 0.02,
  seed: 0,
} as const;

function checkInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  return value;
}

function checkNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  return value;
}

/** Fills in the defaults and checks every value; throws RangeError naming a bad option. */
export function resolveSvdOptions(options: SvdOptions = {}): ResolvedSvdOptions {
  const lr = checkNonNegative('learningRate', options.learningRate ?? svdDefaults.learningRate);
  const reg = checkNonNegative(
    'regularization',
    options.regularization ?? svdDefaults.regularization,
  );
  const scale = options.ratingScale ?? { min: 1, max: 5 };
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max) {
    throw new RangeError(`ratingScale must have finite min < max, got ${scale.min}–${scale.max}`);
  }
  const initMean = options.initMean ?? svdDefaults.initMean;
  if (!Number.isFinite(initMean)) throw new RangeError(`initMean must be finite, got ${initMean}`);
  const seed = options.seed ?? svdDefaults.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  return {
    factors: checkInteger('factors', options.factors ?? svdDefaults.factors, 1),
    epochs: checkInteger('epochs', options.epochs ?? svdDefaults.epochs, 0),
    biased: options.biased ?? true,
    initMean,
    initStd: checkNonNegative('initStd', options.initStd ?? svdDefaults.initStd),
    lrBu: checkNonNegative('lrBu', options.lrBu ?? lr),
    lrBi: checkNonNegative('lrBi', options.lrBi ?? lr),
    lrPu: checkNonNegative('lrPu', options.lrPu ?? lr),
    lrQi: checkNonNegative('lrQi', options.lrQi ?? lr),
    regBu: checkNonNegative('regBu', options.regBu ?? reg),
    regBi: checkNonNegative('regBi', options.regBi ?? reg),
    regPu: checkNonNegative('regPu', options.regPu ?? reg),
    regQi: checkNonNegative('regQi', options.regQi ?? reg),
    seed,
    ratingScale: { min: scale.min, max: scale.max },
  };
}
