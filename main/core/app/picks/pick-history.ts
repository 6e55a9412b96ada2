import type { Store } from '../../store/store.ts';

const historyKey = 'picks.shown';
const kept = 5;

/** One list of picks as it was shown, under the listener's ratings at that moment. */
export interface ShownRound {
  /** {@link ratingsKey} of the ratings the list was made from. */
  readonly key: string;
  readonly trackIds: readonly number[];
}

/**
 * A compact identity of a listener's inputs: changes whenever a rating or a hide does, and
 * whenever new plays arrive (songs played, plays, skips: not their strengths, which fade by the
 * day and would rotate the list with no news from the listener).
 */
export function ratingsKey(
  ratings: readonly { trackId: number; rating: number }[],
  hidden: Iterable<number>,
  listening: readonly { plays: number; skips: number }[] = [],
): string {
  const rated = ratings.map((r) => `${r.trackId}:${r.rating}`).sort();
  const keys = [...rated, ...[...hidden].map((id) => `-${id}`).sort()];
  if (listening.length > 0) {
    const plays = listening.reduce((sum, s) => sum + s.plays, 0);
    const skips = listening.reduce((sum, s) => sum + s.skips, 0);
    keys.push(`~${listening.length}:${plays}:${skips}`);
  }
  return keys.join(',');
}

function isRound(value: unknown): value is ShownRound {
  if (typeof value !== 'object' || value === null) return false;
  const round = value as Record<string, unknown>;
  return (
    typeof round.key === 'string' &&
    Array.isArray(round.trackIds) &&
    round.trackIds.every((id) => typeof id === 'number')
  );
}

/**
 * The local listener's last few lists of picks, so that songs shown and left alone rotate out.
 * Asking again with the same ratings gives the same list (a reload does not reshuffle it); a new
 * list is judged against the rounds before it.
 */
export class PickHistory {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The stored rounds, oldest first. */
  rounds(): ShownRound[] {
    const value = this.#store.settings.get(historyKey);
    return Array.isArray(value) ? value.filter(isRound) : [];
  }

  /** The rounds a list for `key` is judged against: all, less the latest if it is this one. */
  before(key: string): ShownRound[] {
    const rounds = this.rounds();
    return rounds.at(-1)?.key === key ? rounds.slice(0, -1) : rounds;
  }

  /** Records the list shown for `key`, replacing the latest round if it had the same key. */
  record(key: string, trackIds: readonly number[]): void {
    const latest = this.rounds().at(-1);
    const same = latest?.key === key && latest.trackIds.join() === trackIds.join();
    if (same) return; // asked again, answered the same: nothing to write
    const rounds = [...this.before(key), { key, trackIds }].slice(-kept);
    this.#store.settings.set(historyKey, rounds);
  }

  clear(): void {
    this.#store.settings.set(historyKey, []);
  }

  /** The rounds as stored, for "Start over" to set aside and its undo to {@link restore}. */
  saved(): unknown {
    return this.rounds();
  }

  restore(saved: unknown): void {
    this.#store.settings.set(historyKey, Array.isArray(saved) ? saved.filter(isRound) : []);
  }
}

/** Per-showing freshness penalty (relevance is on a 0–1 scale) over the last three rounds. */
const freshnessPenalty = 0.2;

/**
 * How much to hold back each song shown lately: {@link freshnessPenalty} per showing in the last
 * three rounds (a song the listener rated or hid has left the candidates anyway). The previous
 * list's first pick, left alone, may not lead the next list; it can still appear lower down.
 */
export function freshness(rounds: readonly Pick<ShownRound, 'trackIds'>[]): {
  penaltyOf: (trackId: number) => number;
  notFirst: number | undefined;
} {
  const shown = new Map<number, number>();
  for (const round of rounds.slice(-3))
    for (const id of round.trackIds) shown.set(id, (shown.get(id) ?? 0) + 1);
  return {
    penaltyOf: (trackId) => freshnessPenalty * (shown.get(trackId) ?? 0),
    notFirst: rounds.at(-1)?.trackIds[0],
  };
}
