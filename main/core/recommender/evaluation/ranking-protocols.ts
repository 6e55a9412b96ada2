import type { IndexedRatings } from '../algorithms/indexed-ratings.ts';
import { denseIndexOf } from '../algorithms/indexed-ratings.ts';
import type { RatingRows } from '../algorithms/rating-rows.ts';
import { topIndices } from '../algorithms/top-k.ts';
import type { RatingArrays } from '../../store/rating-repository.ts';
import type { JudgedList } from './top-k-metrics.ts';

/**
 * How top-k lists are drawn for evaluation:
 * - 'full-catalog' (default): every training item the user did not rate in training is a
 *   candidate, as when the app picks songs; relevant = held out with r ≥ the threshold;
 * - 'rated-only': only the user's held-out rated items are ranked (the older protocol, where
 *   almost any model finds a relevant item in the top 10).
 */
export type RankingProtocol = 'full-catalog' | 'rated-only';
export const rankingProtocols: readonly RankingProtocol[] = ['full-catalog', 'rated-only'];

/** Scores every training item for one dense training user (higher ranks first). */
export type CatalogScores = (user: number) => Float32Array | Float64Array;

/**
 * One list per test user known to the training data and with at least one relevant held-out
 * rating: the top k of the full catalog minus what they rated in training. Relevant items the
 * training data lacks still count in recall's denominator (no model can find them).
 */
export function fullCatalogLists(
  train: IndexedRatings,
  trainByUser: RatingRows,
  test: RatingArrays,
  scoresOf: CatalogScores,
  settings: { readonly k: number; readonly threshold: number },
): JudgedList[] {
  const relevantByUser = new Map<number, number[]>();
  for (let t = 0; t < test.ratings.length; t++) {
    if (test.ratings[t] < settings.threshold) continue;
    const user = denseIndexOf(train.userIds, test.userIds[t]);
    if (user < 0) continue;
    const items = relevantByUser.get(user) ?? [];
    items.push(denseIndexOf(train.itemIds, test.trackIds[t]));
    relevantByUser.set(user, items);
  }
  const skip = new Uint8Array(train.itemIds.length);
  const lists: JudgedList[] = [];
  for (const [user, relevant] of [...relevantByUser].sort((a, b) => a[0] - b[0])) {
    const [from, to] = [trainByUser.start[user], trainByUser.start[user + 1]];
    for (let p = from; p < to; p++) skip[trainByUser.others[p]] = 1;
    const items = topIndices(scoresOf(user), settings.k, skip);
    for (let p = from; p < to; p++) skip[trainByUser.others[p]] = 0;
    const wanted = new Set(relevant);
    const hits = Uint8Array.from(items, (item) => (wanted.has(item) ? 1 : 0));
    lists.push({ items, hits, relevantCount: relevant.length });
  }
  return lists;
}

/**
 * One list per test user: their held-out items ranked by `scores` (ties: earlier position
 * first), cut to k. `testItems[t]` is the dense training item of test rating t (−1 if unknown).
 */
export function ratedOnlyLists(
  groups: readonly Int32Array[],
  testItems: Int32Array,
  scores: ArrayLike<number>,
  truth: ArrayLike<number>,
  settings: { readonly k: number; readonly threshold: number },
): JudgedList[] {
  return groups.map((group) => {
    const top = Array.from(group)
      .sort((a, b) => scores[b] - scores[a] || a - b)
      .slice(0, settings.k);
    let relevantCount = 0;
    for (const t of group) if (truth[t] >= settings.threshold) relevantCount++;
    return {
      items: Int32Array.from(top, (t) => testItems[t]),
      hits: Uint8Array.from(top, (t) => (truth[t] >= settings.threshold ? 1 : 0)),
      relevantCount,
    };
  });
}
