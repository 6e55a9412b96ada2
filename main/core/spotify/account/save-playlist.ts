import type { Store } from '../../store/store.ts';
import type { SpotifyClient } from '../spotify-client.ts';
import type { SpotifyFailure } from '../spotify-error.ts';
import { rememberedPlaylist, rememberPlaylist } from './playlist-target.ts';
import { resolveSpotifyUris } from './spotify-uris.ts';

export interface PlaylistRequest {
  /** What the list is: `picks`, `loved`, or `set:ID` (a past set); one playlist per label. */
  readonly label: string;
  readonly trackIds: readonly number[];
  readonly name: string;
  readonly description: string;
}

export interface SavedPlaylist {
  readonly playlistId: string;
  readonly url: string;
  /** False when an earlier save's playlist was updated in place. */
  readonly created: boolean;
  readonly saved: number;
  /** Songs Spotify has no recording of; left out. */
  readonly missing: number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: SpotifyFailure };

/** Spotify takes at most 100 items per call. */
const itemsPerCall = 100;

async function createPlaylist(
  client: SpotifyClient,
  request: PlaylistRequest,
): Promise<Outcome<string>> {
  const result = await client.send('POST', '/me/playlists', {
    name: request.name,
    description: request.description,
    public: false,
  });
  if (!result.ok) return result;
  const id = (result.body as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== ''
    ? { ok: true, value: id }
    : {
        ok: false,
        error: {
          code: 'malformed-response',
          message: 'Spotify made the playlist but did not say its id',
        },
      };
}

/** Replaces the items: the first 100 with PUT (which empties the rest), then appends. */
async function writeItems(
  client: SpotifyClient,
  playlistId: string,
  uris: readonly string[],
): Promise<Outcome<null>> {
  for (let start = 0; start === 0 || start < uris.length; start += itemsPerCall) {
    const chunk = uris.slice(start, start + itemsPerCall);
    const result = await client.send(
      start === 0 ? 'PUT' : 'POST',
      `/playlists/${playlistId}/items`,
      { uris: chunk },
    );
    if (!result.ok) return result;
  }
  return { ok: true, value: null };
}

/**
 * Saves songs as a private playlist of the signed-in account: `POST /me/playlists`, then its
 * items. Saving the same label again updates that playlist (details and items replaced) instead
 * of making a duplicate; if it is gone or no longer yours, a new one is made. Songs without a
 * Spotify id are searched for by title and artist; those Spotify lacks are counted in `missing`.
 */
export async function savePlaylist(
  store: Store,
  client: SpotifyClient,
  userId: string,
  request: PlaylistRequest,
): Promise<Outcome<SavedPlaylist>> {
  const resolved = await resolveSpotifyUris(store, client, request.trackIds);
  if (!resolved.ok) return resolved;
  const { uris, missing } = resolved.value;
  let playlistId = rememberedPlaylist(store, userId, request.label);
  let created = false;
  if (playlistId !== undefined) {
    const details = await client.send('PUT', `/playlists/${playlistId}`, {
      name: request.name,
      description: request.description,
      public: false,
    });
    if (!details.ok && details.error.code !== 'not-found' && details.error.code !== 'forbidden')
      return details;
    if (!details.ok) playlistId = undefined;
  }
  if (playlistId === undefined) {
    const made = await createPlaylist(client, request);
    if (!made.ok) return made;
    playlistId = made.value;
    created = true;
    rememberPlaylist(store, userId, request.label, playlistId);
  }
  const written = await writeItems(client, playlistId, uris);
  if (!written.ok) return written;
  return {
    ok: true,
    value: {
      playlistId,
      url: `https://open.spotify.com/playlist/${playlistId}`,
      created,
      saved: uris.length,
      missing,
    },
  };
}
