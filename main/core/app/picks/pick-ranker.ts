/**
 * What the picks need from a ranking model, whichever one the catalog size chose: fold a
 * listener in, rank the unrated catalog and split each score exactly into one term per input.
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
  /** Exact: they add up to the score, less the ranker's documented baseline. */
  readonly contributions: readonly Contribution[];
}

export interface PickRanker {
  rank(
    listener: RankingListener,
    options: { readonly count: number; readonly exclude?: Iterable<number> },
  ): { readonly items: readonly RankedCandidate[] };
}
