/**
 * What the picks need from a ranking model, whichever one the catalog size chose: fold a
 * listener in, rank the unrated catalog and split each score exactly into one term per input.
 */

/** A listener as the ranker takes them: stars, and optionally a signed implicit strength. */
export interface RankerListener {
  readonly trackIds: ArrayLike<number>;
  /** Stars on the rating scale (not-interested songs come in as a mild dislike). */
  readonly ratings: ArrayLike<number>;
  readonly weights?: ArrayLike<number>;
}

/** One input's share of a candidate's score. */
export interface Contribution {
  readonly trackId: number;
  readonly rating: number;
  readonly weight: number;
  readonly contribution: number;
}

export interface RankedCandidate {
  readonly trackId: number;
  /** The ranker's score (its own scale: only the order and the shares mean something). */
  readonly score: number;
  /** Exact: they add up to the score, less the ranker's documented baseline. */
  readonly contributions: readonly Contribution[];
}

export interface PickRanker {
  rank(
    listener: RankerListener,
    options: { readonly count: number; readonly exclude?: Iterable<number> },
  ): { readonly items: readonly RankedCandidate[] };
}
