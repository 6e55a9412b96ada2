import type { RankedCandidate } from './pick-ranker.ts';

/** What the re-rank knows about a candidate song besides its score. */
export interface CandidateTraits {
  readonly primaryArtist: string;
  readonly genres: readonly string[];
}

export interface RerankOptions {
  readonly count: number;
  /**
   * λ of maximal marginal relevance, 0 to 1: 0 keeps the ranker's order, 1 weighs resemblance to
   * the picks already chosen as much as relevance.
   */
  readonly diversity: number;
  /** No two picks by the same primary artist (default true). */
  readonly distinctArtists?: boolean;
  readonly traitsOf: (trackId: number) => CandidateTraits;
  /** Freshness penalty on the 0–1 relevance scale (songs shown lately and left alone). */
  readonly penaltyOf?: (trackId: number) => number;
  /** A song that may not be first (last round's first pick, ratings unchanged). */
  readonly notFirst?: number;
}

/**
 * How alike two songs are for variety's sake, 0 to 1: the same artist counts as alike; otherwise
 * the Jaccard overlap of their genres.
 */
export function resemblance(a: CandidateTraits, b: CandidateTraits): number {
  if (a.primaryArtist === b.primaryArtist) return 1;
  if (a.genres.length === 0 || b.genres.length === 0) return 0;
  const shared = a.genres.filter((g) => b.genres.includes(g)).length;
  return shared / (a.genres.length + b.genres.length - shared);
}

/**
 * Chooses `count` picks from candidates in the ranker's order by maximal marginal relevance:
 * each step takes the song maximising (1 − λ)·rel − λ·max resemblance to the picks so far, where
 * rel = 1 − rank / candidates (rank-based, so any ranker's scale works) minus its freshness
 * penalty. Songs by an artist already picked are passed over while others remain.
 */
export function rerankPicks(
  candidates: readonly RankedCandidate[],
  options: RerankOptions,
): RankedCandidate[] {
  const { count, diversity, traitsOf } = options;
  if (!(diversity >= 0 && diversity <= 1)) throw new RangeError('diversity must be 0 to 1');
  const pool = candidates.map((candidate, rank) => ({
    candidate,
    traits: traitsOf(candidate.trackId),
    relevance: 1 - rank / candidates.length - (options.penaltyOf?.(candidate.trackId) ?? 0),
  }));
  const chosen: typeof pool = [];
  while (chosen.length < count && pool.length > 0) {
    const artists = new Set(chosen.map((c) => c.traits.primaryArtist));
    const allowed = (c: (typeof pool)[number]) =>
      !(options.distinctArtists !== false && artists.has(c.traits.primaryArtist)) &&
      !(chosen.length === 0 && c.candidate.trackId === options.notFirst);
    const eligible = pool.some(allowed) ? pool.filter(allowed) : pool;
    let best = eligible[0];
    let bestValue = -Infinity;
    for (const entry of eligible) {
      let similarity = 0;
      for (const c of chosen)
        similarity = Math.max(similarity, resemblance(entry.traits, c.traits));
      const value = (1 - diversity) * entry.relevance - diversity * similarity;
      if (value > bestValue) [best, bestValue] = [entry, value];
    }
    chosen.push(best);
    pool.splice(pool.indexOf(best), 1);
  }
  return chosen.map((c) => c.candidate);
}
