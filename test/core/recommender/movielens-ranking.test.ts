import { describe, expect, it } from 'vitest';
import { defaultMovieLens100kPath, readMovieLens } from '../../../bench/lib/movielens.ts';
import { pickRankingOptions } from '../../../main/core/recommender/algorithms/picks.ts';
import { evaluateSplit } from '../../../main/core/recommender/evaluation/evaluate.ts';
import { kFoldSplits } from '../../../main/core/recommender/evaluation/splits.ts';

/**
 * Optional: the picks' ranking model on the first of MovieLens 100k's five folds (KFold seed 0),
 * full catalog. Runs only where the data set is (EARSHOT_ML100K, or ../shared/data beside the
 * project); otherwise it is reported as skipped, with the path it looked at in its name.
 */
const path = process.env.EARSHOT_ML100K ?? defaultMovieLens100kPath;
const ratings = readMovieLens(path);
const title =
  ratings === undefined
    ? `ranks MovieLens 100k (skipped: no data set at ${path}; set EARSHOT_ML100K to run it)`
    : 'ranks MovieLens 100k at NDCG@10 ≥ 0.35 and at least twice popularity, on one fold';

describe('picks on MovieLens 100k', () => {
  it.skipIf(ratings === undefined)(title, { timeout: 120_000 }, () => {
    if (ratings === undefined) return;
    const [split] = kFoldSplits(ratings.ratings.length, 5, 0);
    const settings = { k: 10, calibration: false };
    const options = pickRankingOptions(1682);
    if (options.algorithm !== 'implicit-als') throw new Error('the picks rank with implicit ALS');
    const picks = evaluateSplit(ratings, split, { algorithm: 'implicit-als', options }, settings);
    const popularity = evaluateSplit(ratings, split, { algorithm: 'popularity' }, settings);
    expect(popularity.ndcg).toBeGreaterThan(0.15);
    expect(picks.ndcg).toBeGreaterThanOrEqual(0.35);
    expect(picks.ndcg).toBeGreaterThanOrEqual(2 * popularity.ndcg);
  });
});
