import type { RatingArrays } from '../../store/rating-repository.ts';
import { denseIndexOf, indexRatings } from './indexed-ratings.ts';
import type { IndexedRatings } from './indexed-ratings.ts';
import type { Predictor } from './predictors.ts';
import { createRanker } from './ranker.ts';
import { fitRankingModelIndexed } from './ranking-model.ts';
import type { RankingOptions } from './ranking-options.ts';
import { ratingRows } from './rating-rows.ts';

/**
 * `data` with the pseudo-listeners of `sideInformation` added (see app/picks/side-information.ts),
 * as the app trains its ranking model. Only their ratings of songs in `data` are kept, so the
 * items and their dense indices stay exactly those of `data`.
 */
function withSideInformation(data: IndexedRatings, sideInformation: RatingArrays): IndexedRatings {
  const kept: number[] = [];
  for (let r = 0; r < sideInformation.trackIds.length; r++)
    if (denseIndexOf(data.itemIds, sideInformation.trackIds[r]) >= 0) kept.push(r);
  const total = data.ratings.length + kept.length;
  const userIds = new Int32Array(total);
  const trackIds = new Int32Array(total);
  const ratings = new Float32Array(total);
  for (let r = 0; r < data.ratings.length; r++) {
    userIds[r] = data.userIds[data.users[r]];
    trackIds[r] = data.itemIds[data.items[r]];
    ratings[r] = data.ratings[r];
  }
  kept.forEach((from, k) => {
    const r = data.ratings.length + k;
    userIds[r] = sideInformation.userIds[from];
    trackIds[r] = sideInformation.trackIds[from];
    ratings[r] = sideInformation.ratings[from];
  });
  return indexRatings({ userIds, trackIds, ratings });
}

/**
 * A ranking model as evaluation sees it: each training user is folded in from their training
 * ratings exactly as the app folds a listener in (the same ranker), and items are ranked by
 * the resulting scores. It predicts no stars (estimate is NaN); an item the training data
 * lacks ranks last. With `sideInformation` the model also learns from the catalog's
 * pseudo-listeners, as the app's does; they are never evaluated.
 */
export function rankingPredictor(
  data: IndexedRatings,
  options: RankingOptions,
  sideInformation?: RatingArrays,
): Predictor {
  const fitData =
    sideInformation === undefined || sideInformation.ratings.length === 0
      ? data
      : withSideInformation(data, sideInformation);
  const ranker = createRanker(fitRankingModelIndexed(fitData, options));
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
