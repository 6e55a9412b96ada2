import type { EaseModel } from './ease.ts';
import type { RankerEngine } from './ranker.ts';

/**
 * EASE's fold-in is the score itself: s_i = prior_i + Σ_j x_j B_ji, one contiguous row of B
 * per input song, so a listener with n songs costs n · items multiply-adds and no solve. The
 * score buffer is reused between fold-ins.
 */
export function prepareEase(model: EaseModel): RankerEngine {
  const n = model.itemIds.length;
  const scores = new Float64Array(n);
  return {
    baseline: (item) => model.itemPrior[item],
    fold(input) {
      for (let i = 0; i < n; i++) scores[i] = model.itemPrior[i];
      for (let j = 0; j < input.items.length; j++) {
        const x = input.weights[j];
        if (x === 0) continue;
        const row = model.weights.subarray(input.items[j] * n, input.items[j] * n + n);
        for (let i = 0; i < n; i++) scores[i] += x * row[i];
      }
      return {
        scores,
        contributionsTo(item) {
          return Float64Array.from(
            input.items,
            (rated, j) => input.weights[j] * model.weights[rated * n + item],
          );
        },
      };
    },
  };
}
