import type { IndexedRatings } from './indexed-ratings.ts';
import type { Predictor } from './predictors.ts';
import { createRanker } from './ranker.ts';
import { fitRankingModelIndexed } from './ranking-model.ts';
import type { RankingOptions } from './ranking-options.ts';
import { ratingRows } from './rating-rows.ts';

/**
 * A ranking model as evaluation sees it: each training user is folded in from their training
 * ratings exactly as the app folds a listener in (the same ranker), and items are ranked by
 * the resulting scores. It predicts no stars (estimate is NaN); an item the training data
 * lacks ranks last.
 */
export function rankingPredictor(data: IndexedRatings, options: RankingOptions): Predictor {
  const ranker = createRanker(fitRankingModelIndexed(data, options));
  const rows = ratingRows(data, 'user');
  let cachedUser = -1;
  let cached: Float32Array | Float64Array = new Float64Array(0);
  const scoreCatalog = (user: number): Float32Array | Float64Array => {
    if (user === cachedUser) return cached;
    const [from, to] = [rows.start[user], rows.start[user + 1]];
    const trackIds = Array.from(rows.others.subarray(from, to), (item) => data.itemIds[item]);
    cached = ranker.scores({ trackIds, ratings: rows.ratings.subarray(from, to) });
    cachedUser = user;
    return cached;
  };
  return {
    estimate: () => NaN,
    rankScore: (user, item) => (user < 0 || item < 0 ? -Infinity : scoreCatalog(user)[item]),
    scoreCatalog,
  };
}
