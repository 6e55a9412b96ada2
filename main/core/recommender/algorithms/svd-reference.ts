import type { IndexedRatings } from './indexed-ratings.ts';
import type { SvdModel } from './svd-model.ts';
import type { ResolvedSvdOptions } from './svd-options.ts';
import type { SvdTrainer } from './svd-trainer.ts';
import { initialiseFactors } from './svd-trainer.ts';
import type { VisitingOrder } from './visiting-order.ts';

/**
 * The straightforward SVD: plain loops in double precision, one rating at a time, exactly
 * Surprise's update (see {@link runReferenceEpoch}). It is the yardstick for the fast trainer's
 * accuracy and the one to read to understand the algorithm.
 */
export function createReferenceSvdTrainer(
  data: IndexedRatings,
  options: ResolvedSvdOptions,
  visiting: VisitingOrder = 'cache-blocked',
): SvdTrainer {
  const k = options.factors;
  const userBias = new Float64Array(data.userIds.length);
  const itemBias = new Float64Array(data.itemIds.length);
  const userFactors = new Float64Array(data.userIds.length * k);
  const itemFactors = new Float64Array(data.itemIds.length * k);
  const { order } = initialiseFactors(data, options, { userFactors, itemFactors }, k, visiting);
  const state = { data, options, order, userBias, itemBias, userFactors, itemFactors };
  let epochsDone = 0;
  return {
    epochs: options.epochs,
    get epochsDone() {
      return epochsDone;
    },
    runEpoch() {
      const rmse = runReferenceEpoch(state);
      epochsDone++;
      return rmse;
    },
    toModel: (): SvdModel => ({
      algorithm: 'svd',
      options,
      factors: k,
      globalMean: data.globalMean,
      userIds: data.userIds.slice(),
      itemIds: data.itemIds.slice(),
      userBias: Float32Array.from(userBias),
      itemBias: Float32Array.from(itemBias),
      userFactors: Float32Array.from(userFactors),
      itemFactors: Float32Array.from(itemFactors),
    }),
  };
}

interface ReferenceState {
  readonly data: IndexedRatings;
  readonly options: ResolvedSvdOptions;
  readonly order: Int32Array;
  readonly userBias: Float64Array;
  readonly itemBias: Float64Array;
  readonly userFactors: Float64Array;
  readonly itemFactors: Float64Array;
}

/**
 * One pass over the ratings in `order`. For each rating r of user u and item i:
 *   e = r − (μ + b_u + b_i + q_i·p_u)            (μ, b terms absent when unbiased)
 *   b_u += γ_bu (e − λ_bu b_u);  b_i += γ_bi (e − λ_bi b_i)
 *   for each f: p_u[f] += γ_pu (e q_i[f] − λ_pu p_u[f]);  q_i[f] += γ_qi (e p_u[f] − λ_qi q_i[f])
 * with the old p_u[f] and q_i[f] on the right. Returns √(Σe² / n).
 */
function runReferenceEpoch(state: ReferenceState): number {
  const { data, options, order, userBias, itemBias, userFactors, itemFactors } = state;
  const k = options.factors;
  const mu = options.biased ? data.globalMean : 0;
  let sse = 0;
  for (const r of order) {
    const u = data.users[r];
    const i = data.items[r];
    let dot = 0;
    for (let f = 0; f < k; f++) dot += userFactors[u * k + f] * itemFactors[i * k + f];
    const err = data.ratings[r] - (mu + userBias[u] + itemBias[i] + dot);
    sse += err * err;
    if (options.biased) {
      userBias[u] += options.lrBu * (err - options.regBu * userBias[u]);
      itemBias[i] += options.lrBi * (err - options.regBi * itemBias[i]);
    }
    for (let f = 0; f < k; f++) {
      const puf = userFactors[u * k + f];
      const qif = itemFactors[i * k + f];
      userFactors[u * k + f] += options.lrPu * (err * qif - options.regPu * puf);
      itemFactors[i * k + f] += options.lrQi * (err * puf - options.regQi * qif);
    }
  }
  return Math.sqrt(sse / order.length);
}
