import { Prng } from '../../random.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import type { ResolvedImplicitAlsOptions } from './ranking-options.ts';
import { trainingWeight } from './ranking-options.ts';
import type { RatingRows } from './rating-rows.ts';
import { ratingRows } from './rating-rows.ts';

/**
 * A trained implicit ALS (Hu, Koren, Volinsky 2008). Every (listener, item) pair has a target
 * p (x_j for a rated song — negative for a dislike — and 0 for every unrated one) and a
 * confidence c = 1 + α|p| (1 for unrated); a listener's vector minimises
 *   Σ_i c_i (p_i − y_iᵀθ)² + λ‖θ‖²,
 * so θ = A⁻¹ Σ_j c_j p_j y_j with A = YᵀY + Σ_j (c_j − 1) y_j y_jᵀ + λI, and the score of item
 * i is prior_i + y_iᵀθ = prior_i + Σ_j c_j p_j (y_iᵀ A⁻¹ y_j): one exact term per song.
 *
 * Layout: dense item `i` is `itemIds[i]`; `itemFactors[i * factors + f]` is y_i[f];
 * `gram[f * factors + g]` is (YᵀY)_fg, kept so a fold-in need not sum over every item.
 */
export interface ImplicitAlsModel {
  readonly algorithm: 'implicit-als';
  readonly options: ResolvedImplicitAlsOptions;
  readonly factors: number;
  readonly itemIds: Int32Array;
  readonly itemFactors: Float32Array;
  readonly gram: Float64Array;
  readonly itemPrior: Float32Array;
}

/** YᵀY of `rows` × k factors, k × k, both triangles. */
export function gramOf(factors: ArrayLike<number>, rows: number, k: number): Float64Array {
  const gram = new Float64Array(k * k);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < k; f++) {
      const value = factors[r * k + f];
      for (let g = 0; g <= f; g++) gram[f * k + g] += value * factors[r * k + g];
    }
  }
  for (let f = 0; f < k; f++) for (let g = 0; g < f; g++) gram[g * k + f] = gram[f * k + g];
  return gram;
}

interface SweepSide {
  readonly rows: RatingRows;
  /** Target p per entry of `rows` (its confidence is 1 + α|p|). */
  readonly targets: Float64Array;
  readonly own: Float64Array;
  readonly other: Float64Array;
  readonly otherCount: number;
}

/** Implicit ALS one sweep at a time, so a caller can report progress and stop between sweeps. */
export interface ImplicitAlsTrainer {
  readonly iterations: number;
  /** Updates every user vector, then every item vector. */
  runIteration(): void;
  toModel(): ImplicitAlsModel;
}

/**
 * Implicit ALS by alternating sweeps over users and items; each vector takes `cgSteps`
 * conjugate-gradient steps on its normal equations from where it was (Takács, Pilászy,
 * Tikk 2011), O(entries · k) per sweep instead of a k³ solve per vector. Seeded.
 */
export function createImplicitAlsTrainer(
  data: IndexedRatings,
  options: ResolvedImplicitAlsOptions,
  itemPrior: Float32Array,
): ImplicitAlsTrainer {
  const k = options.factors;
  const [users, items] = [data.userIds.length, data.itemIds.length];
  const random = new Prng(options.seed);
  const draw = (count: number): Float64Array =>
    Float64Array.from({ length: count }, () => random.nextNormal(0, 0.01));
  const userFactors = draw(users * k);
  const itemFactors = draw(items * k);
  const byUser = ratingRows(data, 'user');
  const byItem = ratingRows(data, 'item');
  const targetsOf = (rows: RatingRows): Float64Array =>
    Float64Array.from(rows.ratings, (stars) => trainingWeight(stars, options));
  const userSide = { rows: byUser, targets: targetsOf(byUser), own: userFactors };
  const itemSide = { rows: byItem, targets: targetsOf(byItem), own: itemFactors };
  return {
    iterations: options.iterations,
    runIteration() {
      sweep({ ...userSide, other: itemFactors, otherCount: items }, options);
      sweep({ ...itemSide, other: userFactors, otherCount: users }, options);
    },
    toModel() {
      const single = Float32Array.from(itemFactors);
      return {
        algorithm: 'implicit-als',
        options,
        factors: k,
        itemIds: data.itemIds.slice(),
        itemFactors: single,
        gram: gramOf(single, items, k),
        itemPrior: itemPrior.slice(),
      };
    },
  };
}

/** A few CG steps for every row's vector against the fixed other side. */
function sweep(side: SweepSide, options: ResolvedImplicitAlsOptions): void {
  const k = options.factors;
  const gram = gramOf(side.other, side.otherCount, k);
  const [x, r, p, ap] = [0, 0, 0, 0].map(() => new Float64Array(k));
  const { rows, targets, other } = side;
  const multiply = (row: number, v: Float64Array, out: Float64Array): void => {
    for (let f = 0; f < k; f++) {
      let sum = options.regularization * v[f];
      for (let g = 0; g < k; g++) sum += gram[f * k + g] * v[g];
      out[f] = sum;
    }
    for (let e = rows.start[row]; e < rows.start[row + 1]; e++) {
      const base = rows.others[e] * k;
      let dot = 0;
      for (let f = 0; f < k; f++) dot += other[base + f] * v[f];
      const scale = options.alpha * Math.abs(targets[e]) * dot;
      for (let f = 0; f < k; f++) out[f] += scale * other[base + f];
    }
  };
  for (let row = 0; row + 1 < rows.start.length; row++) {
    for (let f = 0; f < k; f++) x[f] = side.own[row * k + f];
    multiply(row, x, ap);
    for (let f = 0; f < k; f++) r[f] = -ap[f];
    for (let e = rows.start[row]; e < rows.start[row + 1]; e++) {
      const confidenceTarget = (1 + options.alpha * Math.abs(targets[e])) * targets[e];
      const base = rows.others[e] * k;
      for (let f = 0; f < k; f++) r[f] += confidenceTarget * other[base + f];
    }
    conjugateGradient(row, x, r, p, ap, multiply, options.cgSteps);
    for (let f = 0; f < k; f++) side.own[row * k + f] = x[f];
  }
}

/** `steps` CG steps on A x = b from x, given the residual r = b − A x (both updated). */
function conjugateGradient(
  row: number,
  x: Float64Array,
  r: Float64Array,
  p: Float64Array,
  ap: Float64Array,
  multiply: (row: number, v: Float64Array, out: Float64Array) => void,
  steps: number,
): void {
  const k = x.length;
  p.set(r);
  let residual = 0;
  for (let f = 0; f < k; f++) residual += r[f] * r[f];
  for (let step = 0; step < steps && residual > 1e-20; step++) {
    multiply(row, p, ap);
    let curvature = 0;
    for (let f = 0; f < k; f++) curvature += p[f] * ap[f];
    const size = residual / curvature;
    let next = 0;
    for (let f = 0; f < k; f++) {
      x[f] += size * p[f];
      r[f] -= size * ap[f];
      next += r[f] * r[f];
    }
    for (let f = 0; f < k; f++) p[f] = r[f] + (next / residual) * p[f];
    residual = next;
  }
}
