import type { ListenerInput, RankingListener } from './ranking-input.ts';
import { listenerInput } from './ranking-input.ts';
import { denseIndexOf } from './indexed-ratings.ts';
import type { RankingModel } from './ranking-model.ts';
import { prepareEase } from './ease-ranker.ts';
import { prepareImplicitAls } from './implicit-als-ranker.ts';
import { topIndices } from './top-k.ts';

/** One rated (or listened-to) song's exact share of a pick's score. */
export interface RankingContribution {
  readonly trackId: number;
  /** Stars as given (NaN for a weight-only entry). */
  readonly rating: number;
  /** x_j, the signed input the stars (or the given weight) mapped to. */
  readonly weight: number;
  /** Score this song adds (negative: takes away). */
  readonly contribution: number;
}

export interface RankedItem {
  readonly trackId: number;
  /** baseline + Σ contributions: what the ranking sorts by (not stars). */
  readonly score: number;
  /** The model's popularity prior for the item: the score with no input at all. */
  readonly baseline: number;
  /** One per known input track, largest first; they add up to score − baseline. */
  readonly contributions: readonly RankingContribution[];
}

export interface RankOptions {
  /** How many items. Default 10. */
  readonly count?: number;
  /** Raw track ids never to return, besides the listener's own. */
  readonly exclude?: Iterable<number>;
}

export interface RankResult {
  readonly items: readonly RankedItem[];
  /** Input tracks the model has never seen (they shaped nothing). */
  readonly unknownTrackIds: readonly number[];
}

/** A listener folded into a model: every item's score, and any item's exact decomposition. */
export interface FoldedRanking {
  /** Scores in dense item order (reused by the next fold-in of the same ranker). */
  readonly scores: Float32Array | Float64Array;
  /** x_j · (item's weight from j), per input entry, in double precision. */
  contributionsTo(item: number): Float64Array;
}

/** How one algorithm folds a listener in; built once per model by {@link createRanker}. */
export interface RankerEngine {
  fold(input: ListenerInput): FoldedRanking;
  /** The prior of dense item `item` (0 when the model has none). */
  baseline(item: number): number;
}

/** The top items before any is explained: what a caller that keeps only a few starts from. */
export interface Shortlist {
  /** Best first; `score` is the one the order was taken from. */
  readonly items: readonly { readonly trackId: number; readonly score: number }[];
  readonly unknownTrackIds: readonly number[];
  /** One listed item's score split exactly by input, as {@link Ranker.rank} gives it. */
  explain(trackId: number): RankedItem;
}

export interface Ranker {
  readonly model: RankingModel;
  /** Folds `listener` in and returns every item's score, dense order (a reused buffer). */
  scores(listener: RankingListener): Float32Array | Float64Array;
  /** Folds `listener` in and returns the top `count` unrated, unexcluded items, explained. */
  rank(listener: RankingListener, options?: RankOptions): RankResult;
  /**
   * The same items as {@link rank}, in the same order, each explained only when asked: an
   * explanation costs a solve per item, and the picks keep 3 of 50 candidates.
   */
  shortlist(listener: RankingListener, options?: RankOptions): Shortlist;
}

/**
 * Prepares `model` for ranking listeners: copies what the fast path needs once and runs a few
 * throwaway rankings. Do it when a model is loaded or trained, off any request.
 */
export function createRanker(model: RankingModel): Ranker {
  const engine = model.algorithm === 'ease' ? prepareEase(model) : prepareImplicitAls(model);
  const mapping = model.options.input;
  const ranker: Ranker = {
    model,
    scores: (listener) => engine.fold(listenerInput(model.itemIds, listener, mapping)).scores,
    rank(listener, options = {}) {
      const shortlist = ranker.shortlist(listener, options);
      const items = shortlist.items.map((item) => shortlist.explain(item.trackId));
      return { items, unknownTrackIds: shortlist.unknownTrackIds };
    },
    shortlist(listener, options = {}) {
      const input = listenerInput(model.itemIds, listener, mapping);
      const folded = engine.fold(input);
      const skip = new Uint8Array(model.itemIds.length);
      for (const item of input.items) skip[item] = 1;
      for (const trackId of options.exclude ?? []) {
        const item = denseIndexOf(model.itemIds, trackId);
        if (item >= 0) skip[item] = 1;
      }
      const top = topIndices(folded.scores, options.count ?? 10, skip);
      // The scores buffer is reused by the next fold-in: copy out what the list needs now.
      const items = Array.from(top, (item) => ({
        trackId: model.itemIds[item],
        score: folded.scores[item],
      }));
      const listed = new Set(top);
      return {
        items,
        unknownTrackIds: input.unknownTrackIds,
        explain(trackId) {
          const item = denseIndexOf(model.itemIds, trackId);
          if (!listed.has(item)) throw new RangeError(`track ${trackId} is not on the shortlist`);
          return explain(model, engine, input, folded, item);
        },
      };
    },
  };
  // A few throwaway rankings compile the code paths, so the first listener does not pay.
  const warmUp = { trackIds: model.itemIds.subarray(0, 5), ratings: [5, 4, 3, 2, 1] };
  warmUp.ratings.length = warmUp.trackIds.length;
  for (let run = 0; run < 3; run++) ranker.rank(warmUp, { count: 10 });
  return ranker;
}

function explain(
  model: RankingModel,
  engine: RankerEngine,
  input: ListenerInput,
  folded: FoldedRanking,
  item: number,
): RankedItem {
  const terms = folded.contributionsTo(item);
  const baseline = engine.baseline(item);
  let score = baseline;
  for (const term of terms) score += term;
  const contributions = Array.from(terms, (contribution, j) => ({
    trackId: model.itemIds[input.items[j]],
    rating: input.ratings[j],
    weight: input.weights[j],
    contribution,
  })).sort((a, b) => b.contribution - a.contribution);
  return { trackId: model.itemIds[item], score, baseline, contributions };
}
