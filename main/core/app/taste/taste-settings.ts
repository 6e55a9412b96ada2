import type { Taste } from '../../contract/index.ts';
import type { Store } from '../../store/store.ts';

const key = 'taste';

const emptyTaste: Taste = {
  likedGenres: [],
  dislikedGenres: [],
  decades: [],
  artists: [],
  skipped: false,
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The stored taste start, empty when none was given (or what is stored is malformed). */
export function readTaste(store: Store): Taste {
  const stored = store.settings.get(key);
  if (typeof stored !== 'object' || stored === null) return emptyTaste;
  const value = stored as Record<string, unknown>;
  return {
    likedGenres: strings(value.likedGenres),
    dislikedGenres: strings(value.dislikedGenres),
    decades: Array.isArray(value.decades)
      ? value.decades.filter((d): d is number => Number.isInteger(d))
      : [],
    artists: strings(value.artists),
    skipped: value.skipped === true,
  };
}

export function writeTaste(store: Store, taste: Taste): void {
  store.settings.set(key, taste);
}

/** Whether the taste says anything the rounds and picks can use. */
export function hasTaste(taste: Taste): boolean {
  return (
    taste.likedGenres.length +
      taste.dislikedGenres.length +
      taste.decades.length +
      taste.artists.length >
    0
  );
}
