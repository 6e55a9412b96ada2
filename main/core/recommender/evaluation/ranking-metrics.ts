/** Top-k quality of each user's ranked test items. */
export interface RankingMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly ndcg: number;
  readonly hitRate: number;
}

/**
 * Ranks each user's test items by `scores` (ties: earlier position first) and measures the top
 * k against relevance r ≥ `threshold` (4 stars by default):
 * - precision@k = relevant in top k / |top k|, |top k| = min(k, the user's test items);
 * - recall@k = relevant in top k / relevant;
 * - NDCG@k = Σ_{rank ρ < k} rel_ρ / log₂(ρ + 2) over the same sum for the ideal order;
 * - hit rate@k = 1 when the top k holds a relevant item.
 * Each is averaged over users; recall, NDCG and hit rate only over users with a relevant test
 * item (precision over every user with a test item). NaN when no user qualifies.
 */
export function rankingMetrics(
  groups: readonly Int32Array[],
  scores: ArrayLike<number>,
  truth: ArrayLike<number>,
  k: number,
  threshold = 4,
): RankingMetrics {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  let [precision, recall, ndcg, hitRate, rankedUsers, relevantUsers] = [0, 0, 0, 0, 0, 0];
  for (const group of groups) {
    const ranked = Array.from(group).sort((a, b) => scores[b] - scores[a] || a - b);
    const top = ranked.slice(0, k);
    let relevantTotal = 0;
    for (const t of group) if (truth[t] >= threshold) relevantTotal++;
    let hits = 0;
    let dcg = 0;
    top.forEach((t, rank) => {
      if (truth[t] >= threshold) {
        hits++;
        dcg += 1 / Math.log2(rank + 2);
      }
    });
    rankedUsers++;
    precision += hits / top.length;
    if (relevantTotal === 0) continue;
    let idealDcg = 0;
    for (let rank = 0; rank < Math.min(k, relevantTotal); rank++)
      idealDcg += 1 / Math.log2(rank + 2);
    relevantUsers++;
    recall += hits / relevantTotal;
    ndcg += dcg / idealDcg;
    hitRate += hits > 0 ? 1 : 0;
  }
  return {
    precision: precision / rankedUsers,
    recall: recall / relevantUsers,
    ndcg: ndcg / relevantUsers,
    hitRate: hitRate / relevantUsers,
  };
}
