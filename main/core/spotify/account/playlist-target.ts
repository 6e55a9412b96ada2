import type { Store } from '../../store/store.ts';

/**
 * Which Spotify playlist Earshot saved each list to, per account: re-saving a list updates its
 * playlist instead of making another. A label names the list: `picks`, `loved`, or `set:ID`
 * for a past set of picks.
 */
const key = 'spotify.account.playlists';

type Remembered = Record<string, Record<string, string>>;

function readAll(store: Store): Remembered {
  const stored = store.settings.get(key);
  return typeof stored === 'object' && stored !== null ? (stored as Remembered) : {};
}

export function rememberedPlaylist(
  store: Store,
  userId: string,
  label: string,
): string | undefined {
  const id = readAll(store)[userId]?.[label];
  return typeof id === 'string' ? id : undefined;
}

export function rememberPlaylist(
  store: Store,
  userId: string,
  label: string,
  playlistId: string,
): void {
  const all = readAll(store);
  store.settings.set(key, { ...all, [userId]: { ...all[userId], [label]: playlistId } });
}

/** Every playlist Earshot made for this account: left out when reading your taste back. */
export function playlistsMadeFor(store: Store, userId: string): ReadonlySet<string> {
  return new Set(Object.values(readAll(store)[userId] ?? {}).filter((v) => typeof v === 'string'));
}
