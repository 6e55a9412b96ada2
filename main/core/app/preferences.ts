import { ratingStrategy } from '../contract/index.ts';
import type { Preferences } from '../contract/index.ts';
import type { Store } from '../store/store.ts';

/**
 * `adaptive` by measurement (`node bench/elicitation.bench.ts`, README "Which songs a round
 * asks about"): 3–5× fewer "don't know it" presses than `random`, picks as good.
 */
const defaultPreferences: Preferences = {
  songsToRate: 5,
  recommendations: 3,
  strategy: 'adaptive',
  diversity: 0.1,
};
const key = 'preferences';

/** The stored preferences, with defaults for anything missing or malformed. */
export function readPreferences(store: Store): Preferences {
  const stored = store.settings.get(key);
  const value =
    typeof stored === 'object' && stored !== null ? (stored as Partial<Preferences>) : {};
  return {
    songsToRate: Number.isInteger(value.songsToRate)
      ? value.songsToRate!
      : defaultPreferences.songsToRate,
    recommendations: Number.isInteger(value.recommendations)
      ? value.recommendations!
      : defaultPreferences.recommendations,
    strategy: ratingStrategy.safeParse(value.strategy).data ?? defaultPreferences.strategy,
    diversity:
      typeof value.diversity === 'number' && value.diversity >= 0 && value.diversity <= 1
        ? value.diversity
        : defaultPreferences.diversity,
  };
}

export function writePreferences(store: Store, change: Partial<Preferences>): Preferences {
  const next = { ...readPreferences(store), ...change };
  store.settings.set(key, next);
  return next;
}
