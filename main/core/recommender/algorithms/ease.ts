import type { IndexedRatings } from './indexed-ratings.ts';
import type { ResolvedEaseOptions } from './ranking-options.ts';
import { trainingWeight } from './ranking-options.ts';
import { ratingRows } from './rating-rows.ts';
import { invertSpdInPlace } from './spd-inverse.ts';

/**
 * A trained EASE (Steck, "Embarrassingly Shallow Autoencoders", 2019): one item-to-item weight
 * matrix B with a zero diagonal, and a listener's score for item i is s_i = Σ_j x_j B_ji over
 * the songs j they rated (x_j from the input mapping). Each term x_j B_ji is one song's exact
 * share of the score, so reasons need no approximation.
 *
 * Layout: dense item `i` is `itemIds[i]` (raw track ids ascending); `weights[j * items + i]` is
 * B_ji, so the row of a rated song j is contiguous and a fold-in reads one row per rating.
 */
export interface EaseModel {
  readonly algorithm: 'ease';
  readonly options: ResolvedEaseOptions;
  readonly itemIds: Int32Array;
  readonly weights: Float32Array;
  /** A popularity tie-breaker per item (see ranking-model.ts), the score with no input. */
  readonly itemPrior: Float32Array;
}

/** Bytes EASE needs while training on `items` items (the Gram matrix, inverted in place, plus B). */
export function easeTrainingBytes(items: number): number {
  return items * items * (8 + 4);
}

/** EASE refuses catalogs whose training would need more than this (1 GiB: about 9,400 items). */
const easeMemoryLimit = 2 ** 30;

/**
 * Fits EASE in closed form: G = XᵀX + λI, P = G⁻¹, B_ij = −P_ij / P_jj (i ≠ j), B_ii = 0 —
 * the least-squares item-to-item regression with a zero diagonal. O(items³) time and
 * {@link easeTrainingBytes} memory: for catalogs up to a few thousand items. Throws RangeError
 * above {@link easeMemoryLimit}.
 */
export function fitEaseIndexed(
  data: IndexedRatings,
  options: ResolvedEaseOptions,
  itemPrior: Float32Array,
): EaseModel {
  const n = data.itemIds.length;
  if (easeTrainingBytes(n) > easeMemoryLimit) {
    const gib = (easeTrainingBytes(n) / 2 ** 30).toFixed(1);
    throw new RangeError(
      `EASE needs ${gib} GiB to train on ${n} items (limit 1 GiB); use implicit-als for this catalog`,
    );
  }
  const gram = new Float64Array(n * n);
  accumulateGram(data, options, gram, n);
  for (let i = 0; i < n; i++) gram[i * n + i] += options.lambda;
  invertSpdInPlace(gram, n);
  const weights = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      weights[j * n + i] = i === j ? 0 : -gram[j * n + i] / gram[i * n + i];
    }
  }
  return { algorithm: 'ease', options, itemIds: data.itemIds, weights, itemPrior };
}

/** Adds XᵀX to the lower triangle of `gram`, one user's rated pairs at a time. */
function accumulateGram(
  data: IndexedRatings,
  options: ResolvedEaseOptions,
  gram: Float64Array,
  n: number,
): void {
  const rows = ratingRows(data, 'user');
  const x = new Float64Array(n);
  for (let u = 0; u + 1 < rows.start.length; u++) {
    const [from, to] = [rows.start[u], rows.start[u + 1]];
    for (let p = from; p < to; p++) x[p - from] = trainingWeight(rows.ratings[p], options);
    // Rows are sorted by item, so item a ≥ item b whenever p ≥ q: the lower triangle.
    for (let p = from; p < to; p++) {
      const xp = x[p - from];
      if (xp === 0) continue;
      const base = rows.others[p] * n;
      for (let q = from; q <= p; q++) gram[base + rows.others[q]] += xp * x[q - from];
    }
  }
}
