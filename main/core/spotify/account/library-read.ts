import { isRecord, readPage } from '../raw-shapes.ts';
import type { SpotifyClient } from '../spotify-client.ts';
import type { SpotifyFailure } from '../spotify-error.ts';

/** Where a track of your account came from; each kind is a taste signal of its own strength. */
export type ListeningKind = 'top' | 'saved' | 'recent' | 'playlist';

export const listeningKinds: readonly ListeningKind[] = ['top', 'saved', 'recent', 'playlist'];

export interface LibraryItem {
  readonly kind: ListeningKind;
  /** The raw track object, for the crawler's cleaner. */
  readonly track: unknown;
  /** Unix seconds: when you played or saved it; undefined for top tracks (they are now). */
  readonly at: number | undefined;
}

export interface LibraryRead {
  readonly items: LibraryItem[];
  /** Your own playlists read (followed ones and Earshot's own are left out). */
  readonly playlists: number;
}

/** How much of an account is read at most: enough for taste, bounded in requests. */
const libraryLimits = {
  /** Saved songs, newest first: 40 pages of 50. */
  maxSaved: 2000,
  maxPlaylists: 50,
  maxItemsPerPlaylist: 500,
  /** Playlists listed (owned or not) before choosing yours: 4 pages of 50. */
  maxPlaylistsListed: 200,
} as const;

type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SpotifyFailure };

function seconds(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Every item of a paged collection at `path` (50 a page) up to `max`. */
async function readPages(
  client: SpotifyClient,
  path: string,
  max: number,
): Promise<Read<unknown[]>> {
  const items: unknown[] = [];
  const joiner = path.includes('?') ? '&' : '?';
  for (let offset = 0; offset < max; offset += 50) {
    const result = await client.get(`${path}${joiner}limit=50&offset=${offset}`);
    if (!result.ok) return result;
    const page = readPage(result.body);
    if (page === undefined) return { ok: true, value: items };
    items.push(...page.items);
    if (page.items.length === 0 || offset + 50 >= page.total) break;
  }
  return { ok: true, value: items.slice(0, max) };
}

/** Your top tracks over the last 4 weeks, 6 months and year: up to 150, overlapping. */
async function readTop(client: SpotifyClient): Promise<Read<LibraryItem[]>> {
  const items: LibraryItem[] = [];
  for (const range of ['short_term', 'medium_term', 'long_term']) {
    const result = await client.get(`/me/top/tracks?time_range=${range}&limit=50`);
    if (!result.ok) return result;
    for (const track of readPage(result.body)?.items ?? [])
      items.push({ kind: 'top', track, at: undefined });
  }
  return { ok: true, value: items };
}

async function readSaved(client: SpotifyClient): Promise<Read<LibraryItem[]>> {
  const result = await readPages(client, '/me/tracks', libraryLimits.maxSaved);
  if (!result.ok) return result;
  return {
    ok: true,
    value: result.value
      .filter(isRecord)
      .map((entry) => ({ kind: 'saved', track: entry.track, at: seconds(entry.added_at) })),
  };
}

/** The last 50 plays: Spotify serves no more than that. */
async function readRecent(client: SpotifyClient): Promise<Read<LibraryItem[]>> {
  const result = await client.get('/me/player/recently-played?limit=50');
  if (!result.ok) return result;
  const items = readPage(result.body)?.items ?? [];
  return {
    ok: true,
    value: items
      .filter(isRecord)
      .map((entry) => ({ kind: 'recent', track: entry.track, at: seconds(entry.played_at) })),
  };
}

/**
 * The items of playlists you own. Since February 2026 Spotify serves `/playlists/{id}/items`
 * to a Development-Mode app only for playlists the user owns, and names each entry `item`
 * (formerly `track`); both are read.
 */
async function readPlaylists(
  client: SpotifyClient,
  userId: string,
  skip: ReadonlySet<string>,
): Promise<Read<{ items: LibraryItem[]; playlists: number }>> {
  const listed = await readPages(client, '/me/playlists', libraryLimits.maxPlaylistsListed);
  if (!listed.ok) return listed;
  const own = listed.value
    .filter(isRecord)
    .filter(
      (p) =>
        isRecord(p.owner) && p.owner.id === userId && typeof p.id === 'string' && !skip.has(p.id),
    )
    .slice(0, libraryLimits.maxPlaylists);
  const items: LibraryItem[] = [];
  for (const playlist of own) {
    const result = await readPages(
      client,
      `/playlists/${String(playlist.id)}/items`,
      libraryLimits.maxItemsPerPlaylist,
    );
    if (!result.ok) return result;
    for (const entry of result.value.filter(isRecord))
      items.push({
        kind: 'playlist',
        track: entry.item ?? entry.track,
        at: seconds(entry.added_at),
      });
  }
  return { ok: true, value: { items, playlists: own.length } };
}

/**
 * Reads what a signed-in account says about its listener's taste: top tracks, saved songs,
 * recent plays and own playlists. The first failure stops the read (every one of them concerns
 * the whole account: sign-in, allow-list, Premium, limits).
 */
export async function readLibrary(
  client: SpotifyClient,
  userId: string,
  skipPlaylists: ReadonlySet<string>,
): Promise<Read<LibraryRead>> {
  const items: LibraryItem[] = [];
  for (const read of [readTop, readSaved, readRecent]) {
    const result = await read(client);
    if (!result.ok) return result;
    items.push(...result.value);
  }
  const playlists = await readPlaylists(client, userId, skipPlaylists);
  if (!playlists.ok) return playlists;
  items.push(...playlists.value.items);
  return { ok: true, value: { items, playlists: playlists.value.playlists } };
}
