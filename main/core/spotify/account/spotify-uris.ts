import { cleanTrack } from '../../catalog/clean-track.ts';
import { cleanTracks } from '../../catalog/clean-tracks.ts';
import type { Store } from '../../store/store.ts';
import { readPage } from '../raw-shapes.ts';
import type { SpotifyClient } from '../spotify-client.ts';
import type { SpotifyFailure } from '../spotify-error.ts';
import { joinCatalog } from '../join-catalog.ts';

export interface ResolvedUris {
  readonly uris: string[];
  /** Songs Spotify had no recording of (searched by title and artist). */
  readonly missing: number;
}

const quoted = (text: string) => `"${text.replace(/"/g, '')}"`;

/**
 * A song without a Spotify id (most of the embedded catalog): a search by title and primary
 * artist, taking the first result that is the same recording (the cleaner's normalised title
 * and artist). The hit then joins the catalog, so the song keeps its Spotify id for next time.
 */
async function findOnSpotify(
  store: Store,
  client: SpotifyClient,
  trackId: number,
  dedupeKey: string,
): Promise<{ ok: true; uri: string | undefined } | { ok: false; error: SpotifyFailure }> {
  const input = store.tracks.input(trackId);
  const q = `track:${quoted(input.title)} artist:${quoted(input.artists[0]?.name ?? '')}`;
  const result = await client.get(`/search?type=track&limit=5&q=${encodeURIComponent(q)}`);
  if (!result.ok) return result;
  const body = result.body as { tracks?: unknown } | null;
  const nowSeconds = Math.floor(Date.now() / 1000);
  for (const raw of readPage(body?.tracks)?.items ?? []) {
    const clean = cleanTrack(raw, nowSeconds, undefined);
    if (!clean.ok || clean.track.recordingKey !== dedupeKey) continue;
    joinCatalog(store, cleanTracks([{ track: raw, fetchedAt: nowSeconds }]).tracks);
    return { ok: true, uri: `spotify:track:${clean.track.spotifyId}` };
  }
  return { ok: true, uri: undefined };
}

/** The Spotify URIs of `trackIds`, in order, searching for songs the catalog has no id for. */
export async function resolveSpotifyUris(
  store: Store,
  client: SpotifyClient,
  trackIds: readonly number[],
): Promise<{ ok: true; value: ResolvedUris } | { ok: false; error: SpotifyFailure }> {
  const identities = new Map(store.tracks.identities().map((row) => [row.id, row]));
  const uris: string[] = [];
  let missing = 0;
  for (const trackId of new Set(trackIds)) {
    const row = identities.get(trackId);
    if (row === undefined || row.source === 'placeholder') {
      missing++;
      continue;
    }
    if (row.spotifyId !== null) {
      uris.push(`spotify:track:${row.spotifyId}`);
      continue;
    }
    const found = await findOnSpotify(store, client, trackId, row.dedupeKey);
    if (!found.ok) return found;
    if (found.uri === undefined) missing++;
    else uris.push(found.uri);
  }
  return { ok: true, value: { uris, missing } };
}
