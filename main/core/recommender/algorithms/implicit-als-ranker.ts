import { choleskyInPlace, choleskySolveInPlace } from './cholesky.ts';
import type { ImplicitAlsModel } from './implicit-als.ts';
import { createItemScorer } from './item-scorer.ts';
import type { ListenerInput } from './ranking-input.ts';
import type { RankerEngine } from './ranker.ts';

/**
 * Implicit ALS fold-in in closed form (see {@link ImplicitAlsModel}): A = YᵀY + λI +
 * Σ_j α|x_j| y_j y_jᵀ, b = Σ_j (1 + α|x_j|) x_j y_j, θ = A⁻¹ b by Cholesky — O(n k² + k³) for
 * n songs — then one SIMD pass scores every item, prior_i + y_i·θ (single precision; the
 * reported scores and terms are recomputed in double).
 */
export function prepareImplicitAls(model: ImplicitAlsModel): RankerEngine {
  const k = model.factors;
  const scorer = createItemScorer({
    factors: k,
    itemIds: model.itemIds,
    itemBias: model.itemPrior,
    itemFactors: model.itemFactors,
  });
  const row = (item: number, out: Float64Array): Float64Array => {
    for (let f = 0; f < k; f++) out[f] = model.itemFactors[item * k + f];
    return out;
  };
  return {
    baseline: (item) => model.itemPrior[item],
    fold(input) {
      const { cholesky, theta } = solve(model, input, row);
      const scores = scorer.score(0, theta);
      return { scores, contributionsTo: (item) => terms(model, input, cholesky, item, row) };
    },
  };
}

function solve(
  model: ImplicitAlsModel,
  input: ListenerInput,
  row: (item: number, out: Float64Array) => Float64Array,
): { cholesky: Float64Array; theta: Float64Array } {
  const k = model.factors;
  const { alpha, regularization } = model.options;
  const a = model.gram.slice();
  for (let f = 0; f < k; f++) a[f * k + f] += regularization;
  const theta = new Float64Array(k);
  const y = new Float64Array(k);
  for (let j = 0; j < input.items.length; j++) {
    const x = input.weights[j];
    row(input.items[j], y);
    const extra = alpha * Math.abs(x);
    for (let f = 0; f < k; f++) {
      theta[f] += (1 + extra) * x * y[f];
      for (let g = 0; g <= f; g++) a[f * k + g] += extra * y[f] * y[g];
    }
  }
  choleskyInPlace(a, k);
  choleskySolveInPlace(a, k, theta);
  return { cholesky: a, theta };
}

/** c_j x_j (y_iᵀ A⁻¹ y_j) per input song j: they add up to y_i·θ. */
function terms(
  model: ImplicitAlsModel,
  input: ListenerInput,
  cholesky: Float64Array,
  item: number,
  row: (item: number, out: Float64Array) => Float64Array,
): Float64Array {
  const k = model.factors;
  const v = row(item, new Float64Array(k));
  choleskySolveInPlace(cholesky, k, v);
  const y = new Float64Array(k);
  return Float64Array.from(input.items, (rated, j) => {
    const x = input.weights[j];
    row(rated, y);
    let dot = 0;
    for (let f = 0; f < k; f++) dot += v[f] * y[f];
    return (1 + model.options.alpha * Math.abs(x)) * x * dot;
  });
}
