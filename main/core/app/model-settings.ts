import type { FoldInOptions } from '../recommender/algorithms/fold-in.ts';
import type { SvdOptions } from '../recommender/algorithms/svd-options.ts';

/**
 * The model the app trains. The recommender's defaults are Surprise's (100 factors, 20 epochs,
 * learning rate 0.005, regularisation 0.02, init sd 0.1), kept for `earshot evaluate` and parity
 * with Surprise; but on a catalog of hundreds of songs with tens of thousands of ratings they
 * underfit: after 20 small steps the item factors are still mostly their random start, and a
 * new listener's five ratings cannot be told apart from noise.
 *
 * These values were chosen by a sweep over factors, epochs, learning rate, regularisation, init
 * and fold-in penalty on the embedded catalog with 1,000 simulated listeners, scoring how often
 * a listener who gives 5★ to one genre and 1★ to another gets mostly that genre back (60 seeded
 * trials): Surprise's defaults 40–60 %, these 88 %. Training takes about 0.2 s there.
 */
export const appModelOptions: SvdOptions = {
  factors: 20,
  epochs: 100,
  learningRate: 0.01,
  regularization: 0.05,
  initStd: 0.01,
  seed: 42,
};

/**
 * Ridge penalties for folding a listener in. A fixed penalty of 1 (rather than n·λ, which is
 * 0.25 for five ratings) keeps a five-rating listener from being fitted to the noise of the few
 * item vectors they touched.
 */
export const appFoldInOptions: FoldInOptions = { regBias: 1, regFactors: 1 };
