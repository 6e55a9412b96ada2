/**
 * One user's ranked list as the metrics see it: for each rank, whether the item there is
 * relevant (held out with r ≥ the threshold), and how many relevant items the user has in all.
 */
export interface JudgedList {
  /** Dense items, best first; −1 for an item the training data lacks (rated-only protocol). */
  readonly items: Int32Array;
  /** hits[ρ] = 1 when the item at rank ρ is relevant. */
  readonly hits: Uint8Array;
  readonly relevantCount: number;
}

/** Accuracy of top-k lists: what the first k places get right. */
export interface TopKAccuracy {
  readonly precision: number;
  readonly recall: number;
  readonly ndcg: number;
  readonly hitRate: number;
  readonly map: number;
}

/** 1 / log₂(ρ + 2): the discount of rank ρ (0-based). */
function discount(rank: number): number {
  return 1 / Math.log2(rank + 2);
}

/**
 * Measures lists already cut to k, with binary relevance:
 * - precision@k = hits / |list| (|list| = k unless fewer candidates exist);
 * - recall@k = hits / relevant;
 * - NDCG@k = Σ_ρ hit_ρ / log₂(ρ + 2) over the ideal Σ_{ρ < min(k, relevant)} 1 / log₂(ρ + 2);
 * - hit rate@k = 1 when the list holds a relevant item;
 * - MAP@k: AP@k = Σ_ρ hit_ρ · precision@(ρ + 1) / min(k, relevant), averaged.
 * Precision averages over every list; the others over lists with a relevant item. NaN when no
 * list qualifies.
 */
export function topKAccuracy(lists: readonly JudgedList[], k: number): TopKAccuracy {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  let [precision, recall, ndcg, hitRate, map, relevantLists] = [0, 0, 0, 0, 0, 0];
  for (const list of lists) {
    if (list.hits.length > k) throw new RangeError(`a list holds ${list.hits.length} > k items`);
    let hits = 0;
    let dcg = 0;
    let averagePrecision = 0;
    for (let rank = 0; rank < list.hits.length; rank++) {
      if (list.hits[rank] !== 1) continue;
      hits++;
      dcg += discount(rank);
      averagePrecision += hits / (rank + 1);
    }
    precision += list.hits.length === 0 ? 0 : hits / list.hits.length;
    if (list.relevantCount === 0) continue;
    const idealCount = Math.min(k, list.relevantCount);
    let idealDcg = 0;
    for (let rank = 0; rank < idealCount; rank++) idealDcg += discount(rank);
    relevantLists++;
    recall += hits / list.relevantCount;
    ndcg += dcg / idealDcg;
    hitRate += hits > 0 ? 1 : 0;
    map += averagePrecision / idealCount;
  }
  return {
    precision: precision / lists.length,
    recall: recall / relevantLists,
    ndcg: ndcg / relevantLists,
    hitRate: hitRate / relevantLists,
    map: map / relevantLists,
  };
}
