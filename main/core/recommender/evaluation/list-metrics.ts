import type { IndexedRatings } from '../algorithms/indexed-ratings.ts';
import type { RatingRows } from '../algorithms/rating-rows.ts';
import { ratingRows } from '../algorithms/rating-rows.ts';
import type { JudgedList } from './top-k-metrics.ts';

/** What the lists look like beyond accuracy, judged against the training data. */
export interface ListMetrics {
  /** Share of the training catalog that appears in at least one list. */
  readonly coverage: number;
  /** Mean self-information −log₂(pop_i) of recommended items, pop_i = share of users who rated i. */
  readonly novelty: number;
  /**
   * Mean intra-list diversity: per list, the mean over its pairs of 1 − cos(i, j), where cos is
   * the cosine between the items' binary columns of the training matrix (who rated them):
   * |U_i ∩ U_j| / √(|U_i| |U_j|). Model-independent, so every algorithm meets the same yardstick.
   */
  readonly diversity: number;
}

/** The training side the list metrics need: who rated each item. */
export interface ItemAudience {
  readonly userCount: number;
  readonly byItem: RatingRows;
}

export function itemAudience(train: IndexedRatings): ItemAudience {
  return { userCount: train.userIds.length, byItem: ratingRows(train, 'item') };
}

/** |U_a ∩ U_b| by merging the two sorted user lists. */
function sharedUsers(rows: RatingRows, a: number, b: number): number {
  let [p, q] = [rows.start[a], rows.start[b]];
  const [pEnd, qEnd] = [rows.start[a + 1], rows.start[b + 1]];
  let shared = 0;
  while (p < pEnd && q < qEnd) {
    const difference = rows.others[p] - rows.others[q];
    if (difference === 0) [shared, p, q] = [shared + 1, p + 1, q + 1];
    else if (difference < 0) p++;
    else q++;
  }
  return shared;
}

/** Mean 1 − cos over the pairs of a list's known items; NaN with fewer than two. */
function intraListDiversity(audience: ItemAudience, items: readonly number[]): number {
  const { start } = audience.byItem;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const [i, j] = [items[a], items[b]];
      const norm = Math.sqrt((start[i + 1] - start[i]) * (start[j + 1] - start[j]));
      sum += 1 - (norm === 0 ? 0 : sharedUsers(audience.byItem, i, j) / norm);
      pairs++;
    }
  }
  return pairs === 0 ? NaN : sum / pairs;
}

/** Coverage, novelty and diversity of `lists` (items −1 are skipped). */
export function listMetrics(lists: readonly JudgedList[], audience: ItemAudience): ListMetrics {
  const { start } = audience.byItem;
  const catalog = start.length - 1;
  const shown = new Uint8Array(catalog);
  let [information, entries, diversity, diverseLists] = [0, 0, 0, 0];
  for (const list of lists) {
    const known = Array.from(list.items).filter((item) => item >= 0);
    for (const item of known) {
      shown[item] = 1;
      const raters = start[item + 1] - start[item];
      if (raters === 0) continue;
      information -= Math.log2(raters / audience.userCount);
      entries++;
    }
    const listDiversity = intraListDiversity(audience, known);
    if (!Number.isNaN(listDiversity))
      [diversity, diverseLists] = [diversity + listDiversity, diverseLists + 1];
  }
  let covered = 0;
  for (const flag of shown) covered += flag;
  return {
    coverage: catalog === 0 ? NaN : covered / catalog,
    novelty: information / entries,
    diversity: diversity / diverseLists,
  };
}
