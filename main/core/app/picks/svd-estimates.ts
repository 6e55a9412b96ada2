import type { FoldedListener } from '../../recommender/algorithms/fold-in.ts';
import { featureRow, foldInListener } from '../../recommender/algorithms/fold-in.ts';
import type { FoldInOptions, ListenerRatings } from '../../recommender/algorithms/fold-in.ts';
import { denseIndexOf } from '../../recommender/algorithms/indexed-ratings.ts';
import type { SvdModel } from '../../recommender/algorithms/svd-model.ts';

/** SVD's view of one song for a folded-in listener. */
export interface SvdEstimate {
  /** μ + b_u + b_i + q_i·p_u, unclipped. */
  readonly score: number;
  /**
   * How far the listener's fitted vector could move this score: √(x_iᵀ A⁻¹ x_i) in units of the
   * rating noise σ (the ridge posterior of the fold-in). Small when many of the listener's
   * ratings speak to this song; near √(1/ρ)·‖x_i‖ when none do.
   */
  readonly spread: number;
}

/** Folds a listener into SVD once and estimates any songs for them. */
export function createSvdEstimator(
  model: SvdModel,
  listener: ListenerRatings,
  options: FoldInOptions,
): (trackId: number) => SvdEstimate | undefined {
  const folded = foldInListener(model, listener, options);
  const x = new Float64Array(folded.dimension);
  const z = new Float64Array(folded.dimension);
  return (trackId) => {
    const item = denseIndexOf(model.itemIds, trackId);
    if (item < 0) return undefined;
    featureRow(model, item, x);
    let score = model.options.biased ? model.globalMean + model.itemBias[item] : 0;
    for (let d = 0; d < folded.dimension; d++) score += x[d] * folded.theta[d];
    return { score, spread: Math.sqrt(quadraticForm(folded, x, z)) };
  };
}

/** xᵀ A⁻¹ x with A = L Lᵀ: solve L z = x, return ‖z‖². */
function quadraticForm(folded: FoldedListener, x: Float64Array, z: Float64Array): number {
  const n = folded.dimension;
  const l = folded.cholesky;
  let sum = 0;
  for (let row = 0; row < n; row++) {
    let value = x[row];
    for (let col = 0; col < row; col++) value -= l[row * n + col] * z[col];
    z[row] = value / l[row * n + row];
    sum += z[row] * z[row];
  }
  return sum;
}
