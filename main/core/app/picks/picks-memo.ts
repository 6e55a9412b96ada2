import type { RecommendResponse, Taste } from '../../contract/index.ts';
import type { Track } from '../../catalog/track.ts';
import { createChangeStamp } from '../../store/change-stamp.ts';
import type { Store } from '../../store/store.ts';
import type { PickModels } from './choose-picks.ts';
import type { PlayedSong } from './listening-input.ts';
import type { ShownRound } from './pick-history.ts';

/**
 * Everything the local listener's picks are made from. Picks are a pure function of these (the
 * product rule "asking again with unchanged ratings gives the same list" depends on it), so an
 * answer made from equal inputs is the answer. A new input to the picks must be added here: the
 * comparison table below then fails to compile until it says how to compare it.
 */
export interface PicksInputs {
  /** The models in use: a retrain or a load installs a new object. */
  readonly models: PickModels;
  /** When they were trained (whether the answer says the latest ratings are folded in). */
  readonly trainedAt: number;
  /** The catalog the views, traits and genres come from: replaced when the catalog changes. */
  readonly catalog: ReadonlyMap<number, Track>;
  /** Songs never picked (imported placeholders), cached with the catalog. */
  readonly unrecommendable: readonly number[];
  readonly count: number;
  readonly diversity: number;
  /** In the order the picks see them (their order feeds the fold-in's sums). */
  readonly ratings: readonly { trackId: number; rating: number; ratedAt: number }[];
  /** In stored order, for the same reason. */
  readonly hidden: ReadonlySet<number>;
  /** What the listener played, with strengths as of the second they were read (they fade). */
  readonly listening: readonly PlayedSong[];
  /** The lists shown lately (rotation): the stored rounds after this answer was recorded. */
  readonly shown: readonly ShownRound[];
  /** The taste start (settings key `taste`): the prior's genres, decades and artists. */
  readonly taste: Taste;
  /**
   * How many listeners rated each song, which picks the prior's best-known songs: replaced by
   * the song pool when the number of ratings changes.
   */
  readonly popularity: ReadonlyMap<number, number>;
}

/** The inputs kept in the database: read again only when it may have changed. */
export type StoredInputs = Pick<
  PicksInputs,
  'ratings' | 'hidden' | 'listening' | 'shown' | 'taste' | 'popularity'
>;

const same = <T>(a: T, b: T): boolean => a === b;

function sameList<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
  return true;
}

/** How each input is compared: objects the app replaces on change by identity, data by value. */
const comparisons: {
  readonly [K in keyof PicksInputs]: (a: PicksInputs[K], b: PicksInputs[K]) => boolean;
} = {
  models: same,
  trainedAt: same,
  catalog: same,
  unrecommendable: same,
  count: same,
  diversity: same,
  ratings: (a, b) =>
    sameList(
      a,
      b,
      (x, y) => x.trackId === y.trackId && x.rating === y.rating && x.ratedAt === y.ratedAt,
    ),
  hidden: (a, b) => sameList([...a], [...b], same),
  listening: (a, b) =>
    sameList(
      a,
      b,
      (x, y) =>
        x.trackId === y.trackId &&
        x.strength === y.strength &&
        x.plays === y.plays &&
        x.skips === y.skips,
    ),
  shown: (a, b) =>
    sameList(a, b, (x, y) => x.key === y.key && sameList(x.trackIds, y.trackIds, same)),
  taste: (a, b) =>
    sameList(a.likedGenres, b.likedGenres, same) &&
    sameList(a.dislikedGenres, b.dislikedGenres, same) &&
    sameList(a.decades, b.decades, same) &&
    sameList(a.artists, b.artists, same) &&
    a.skipped === b.skipped,
  popularity: same,
};

const inputNames = Object.keys(comparisons) as (keyof PicksInputs)[];

function sameInputs(a: PicksInputs, b: PicksInputs): boolean {
  for (const name of inputNames) {
    const equal = comparisons[name] as (x: unknown, y: unknown) => boolean;
    if (!equal(a[name], b[name])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The local listener's last answer and what it was made from. Asking again with nothing changed
 * (a reload, a second window, a load test) returns it without ranking, folding in, or touching
 * the pick history, which already holds this list. One answer is kept: there is one listener.
 */
export class PicksMemo {
  readonly #changeStamp: () => string;
  #last:
    | {
        readonly inputs: PicksInputs;
        readonly answer: RecommendResponse;
        /**
         * The database's change stamp and the second when `inputs`' stored part was last read
         * and matched: while both hold, that part is unchanged.
         */
        readAt: { stamp: string; now: number } | undefined;
      }
    | undefined;

  constructor(store: Store) {
    this.#changeStamp = createChangeStamp(store.db);
  }

  /**
   * The inputs as they are now and, if they equal those of the remembered answer, that answer.
   * `read` reads the {@link StoredInputs} as of `now` (Unix seconds); while the database has not
   * changed since they last matched (nor the second, if the listener has plays whose strengths
   * fade), the remembered ones stand in for them.
   */
  lookup(
    current: Omit<PicksInputs, keyof StoredInputs>,
    read: () => StoredInputs,
    now: number,
  ): { inputs: PicksInputs; answer: RecommendResponse | undefined } {
    // Stamp first: a write after it moves the next stamp even if `read` already saw it.
    const stamp = this.#changeStamp();
    const last = this.#last;
    const unchanged =
      last?.readAt?.stamp === stamp &&
      (last.inputs.listening.length === 0 || last.readAt.now === now);
    const stored = unchanged
      ? {
          ratings: last.inputs.ratings,
          hidden: last.inputs.hidden,
          listening: last.inputs.listening,
          shown: last.inputs.shown,
          taste: last.inputs.taste,
          popularity: last.inputs.popularity,
        }
      : read();
    const inputs = { ...current, ...stored };
    if (last === undefined || !sameInputs(last.inputs, inputs))
      return { inputs, answer: undefined };
    last.readAt = { stamp, now };
    return { inputs, answer: last.answer };
  }

  /** Remembers `answer` (frozen: every later caller shares it) as made from `inputs`. */
  remember(inputs: PicksInputs, answer: RecommendResponse): RecommendResponse {
    // Making it may have written (the pick history), so the next lookup reads the database.
    this.#last = { inputs, answer: deepFreeze(answer), readAt: undefined };
    return answer;
  }
}
