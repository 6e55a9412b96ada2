import type { InputMapping } from './ranking-input.ts';
import { resolveInputMapping } from './ranking-input.ts';

/**
 * Which ratings build the training matrix X (users × items):
 * - 'rated': every rating is a 1 (who rated what, the classic implicit reading — a 1★ counts
 *   as much as a 5★);
 * - 'liked': only liked songs, as 1;
 * - 'signed' (default): the listener input mapping (+1 liked, small + middling, − disliked),
 *   so a song its fans dislike gets a negative weight rather than a positive one.
 */
export type TrainingInput = 'rated' | 'liked' | 'signed';

/** EASE (Steck 2019): B = I − P·diagMat(1/diag(P)), P = (XᵀX + λI)⁻¹; score = x·B. */
export interface EaseOptions {
  readonly algorithm: 'ease';
  /** λ, the ridge penalty. Default 500 (MovieLens 100k). */
  readonly lambda?: number;
  readonly trainingInput?: TrainingInput;
  /** How a listener's stars become x (fold-in). */
  readonly input?: Partial<InputMapping>;
}

/** Implicit ALS (Hu, Koren, Volinsky 2008) with conjugate-gradient sweeps (Takács et al. 2011). */
export interface ImplicitAlsOptions {
  readonly algorithm: 'implicit-als';
  /** k. Default 32. */
  readonly factors?: number;
  /** Alternating sweeps. Default 15. */
  readonly iterations?: number;
  /** λ on every factor vector. Default 30. */
  readonly regularization?: number;
  /** Confidence c = 1 + α|x|. Default 3. */
  readonly alpha?: number;
  /** Conjugate-gradient steps per vector per sweep. Default 3. */
  readonly cgSteps?: number;
  /** Seeds the initial factors. Default 0. */
  readonly seed?: number;
  readonly trainingInput?: TrainingInput;
  readonly input?: Partial<InputMapping>;
}

export type RankingOptions = EaseOptions | ImplicitAlsOptions;

export interface ResolvedEaseOptions {
  readonly algorithm: 'ease';
  readonly lambda: number;
  readonly trainingInput: TrainingInput;
  readonly input: InputMapping;
}

export interface ResolvedImplicitAlsOptions {
  readonly algorithm: 'implicit-als';
  readonly factors: number;
  readonly iterations: number;
  readonly regularization: number;
  readonly alpha: number;
  readonly cgSteps: number;
  readonly seed: number;
  readonly trainingInput: TrainingInput;
  readonly input: InputMapping;
}

export type ResolvedRankingOptions = ResolvedEaseOptions | ResolvedImplicitAlsOptions;

const easeDefaults = { lambda: 500, trainingInput: 'signed' } as const;
/** Tuned on MovieLens 100k, full catalog (the recommender README has the sweep). */
const implicitAlsDefaults = {
  factors: 32,
  iterations: 15,
  regularization: 30,
  alpha: 3,
  cgSteps: 3,
  seed: 0,
  trainingInput: 'signed',
} as const;

function positive(name: string, value: number, integer = false): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(
      `${name} must be a ${integer ? 'positive integer' : 'number > 0'}, got ${value}`,
    );
  }
  return value;
}

function trainingInputOf(value: string | undefined, fallback: TrainingInput): TrainingInput {
  const chosen = value ?? fallback;
  if (chosen !== 'rated' && chosen !== 'liked' && chosen !== 'signed') {
    throw new RangeError(`trainingInput must be rated, liked or signed, got ${chosen}`);
  }
  return chosen;
}

/** Fills in the defaults and checks every value; throws RangeError naming a bad option. */
export function resolveRankingOptions(options: RankingOptions): ResolvedRankingOptions {
  const input = resolveInputMapping(options.input);
  if (options.algorithm === 'ease') {
    return {
      algorithm: 'ease',
      lambda: positive('lambda', options.lambda ?? easeDefaults.lambda),
      trainingInput: trainingInputOf(options.trainingInput, easeDefaults.trainingInput),
      input,
    };
  }
  if (options.algorithm !== 'implicit-als') {
    throw new RangeError(`algorithm must be ease or implicit-als, got ${String(options)}`);
  }
  const d = implicitAlsDefaults;
  const seed = options.seed ?? d.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  return {
    algorithm: 'implicit-als',
    factors: positive('factors', options.factors ?? d.factors, true),
    iterations: positive('iterations', options.iterations ?? d.iterations, true),
    regularization: positive('regularization', options.regularization ?? d.regularization),
    alpha: positive('alpha', options.alpha ?? d.alpha),
    cgSteps: positive('cgSteps', options.cgSteps ?? d.cgSteps, true),
    seed,
    trainingInput: trainingInputOf(options.trainingInput, d.trainingInput),
    input,
  };
}

/** x for one training rating under `trainingInput` (0: the rating is left out of X). */
export function trainingWeight(stars: number, options: ResolvedRankingOptions): number {
  switch (options.trainingInput) {
    case 'rated':
      return 1;
    case 'liked':
      return stars >= options.input.likedFrom ? 1 : 0;
    case 'signed':
      return stars >= options.input.likedFrom
        ? 1
        : stars <= options.input.dislikedUpTo
          ? -options.input.dislikedWeight
          : options.input.neutralWeight;
  }
}
