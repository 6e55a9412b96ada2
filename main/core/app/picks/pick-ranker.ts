/**
 * What the picks need from a ranking model, whichever one the catalog size chose: fold a
 * listener in, rank the unrated catalog and split a candidate's score exactly into one term per
 * input when asked (only the few chosen are: each explanation costs a solve).
 * The shapes are the recommender's own (`algorithms/ranker.ts`); SVD's fallback ranker
 * (`svd-ranker.ts`) fills the same interface.
 */
import type { RankingContribution } from '../../recommender/algorithms/ranker.ts';
import type { RankingListener } from '../../recommender/algorithms/ranking-input.ts';

/** One input's share of a candidate's score. */
export type Contribution = RankingContribution;

export interface RankedCandidate {
  readonly trackId: number;
  /** The ranker's score (its own scale: only the order and the shares mean something). */
  readonly score: number;
}

export interface PickShortlist {
  /** Best first. */
  readonly items: readonly RankedCandidate[];
  /**
   * A listed candidate's terms, exact: they add up to its score, less the ranker's documented
   * baseline.
   */
  explain(trackId: number): { readonly contributions: readonly Contribution[] };
}

export interface PickRanker {
  shortlist(
    listener: RankingListener,
    options: { readonly count: number; readonly exclude?: Iterable<number> },
  ): PickShortlist;
}
