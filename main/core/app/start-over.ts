import type { Store } from '../store/store.ts';
import type { LocalListener } from './local-listener.ts';
import { PickHistory } from './picks/pick-history.ts';
import { ServiceError } from './service-error.ts';

/** Where the lists of a profile set aside live; its ratings are in `set_aside_ratings`. */
const setAsideKey = 'listener.set-aside';

interface SetAsideLists {
  readonly skipped: readonly number[];
  readonly hidden: readonly number[];
  readonly picksShown: unknown;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function readLists(store: Store): SetAsideLists | undefined {
  const value = store.settings.get(setAsideKey);
  if (typeof value !== 'object' || value === null) return undefined;
  const lists = value as Record<string, unknown>;
  return {
    skipped: numbers(lists.skipped),
    hidden: numbers(lists.hidden),
    picksShown: lists.picksShown,
  };
}

/**
 * "Start over": the listener's ratings, the songs they skipped and hid and their recent picks
 * are set aside, not deleted, in one transaction, replacing any profile set aside before. They
 * come back with {@link undoStartOver} until the listener rates again ({@link saveRatings}).
 */
export function startOver(store: Store, listener: LocalListener): { removed: number } {
  return store.transaction(() => {
    const history = new PickHistory(store);
    const userId = listener.userId();
    // Starting over with no ratings (twice in a row) keeps what the first time set aside.
    if (userId !== undefined && listener.ratings().length > 0) {
      store.setAside.keep(userId);
      const lists: SetAsideLists = {
        skipped: [...listener.skipped()],
        hidden: [...listener.hidden()],
        picksShown: history.saved(),
      };
      store.settings.set(setAsideKey, lists);
    }
    history.clear();
    return { removed: listener.reset() };
  });
}

/**
 * Undoes the last "Start over": the profile set aside replaces the current one exactly (their
 * ratings with their stars and times, skips, hides, recent picks). `not-found` when nothing is
 * set aside: none was, or the listener has rated since.
 */
export function undoStartOver(
  store: Store,
  listener: LocalListener,
): { restored: number; listenerRatings: number } {
  const restored = store.transaction(() => {
    const lists = readLists(store);
    if (lists === undefined) {
      throw new ServiceError(
        'not-found',
        'There is no Start over to undo: you have rated songs since, or never started over.',
      );
    }
    listener.reset();
    const count = store.setAside.restore(listener.ensureUserId());
    listener.restoreLists(lists);
    new PickHistory(store).restore(lists.picksShown);
    store.settings.set(setAsideKey, null);
    return count;
  });
  return { restored, listenerRatings: listener.ratings().length };
}

/** How many ratings are set aside; 0 when no Start over can be undone. */
export function setAsideCount(store: Store): number {
  return readLists(store) === undefined ? 0 : store.setAside.count();
}

/**
 * Saves ratings the listener gave (a round, a pick, a song found by search). Rating again
 * commits a Start over: the profile set aside is dropped in the same transaction.
 */
export function saveRatings(
  store: Store,
  listener: LocalListener,
  ratings: readonly { trackId: number; stars: number }[],
  now = Math.floor(Date.now() / 1000),
): void {
  store.transaction(() => {
    listener.rate(ratings, now);
    store.setAside.clear();
    store.settings.set(setAsideKey, null);
  });
}
