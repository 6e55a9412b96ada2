import type { FakeData, FakeTrack } from './fake-data.ts';
import {
  artistObject,
  fullAlbum,
  fullTrack,
  page,
  simplifiedAlbum,
  simplifiedTrack,
  spotifyError,
} from './fake-objects.ts';
import { searchTracks } from './fake-search.ts';

export interface FakePlaylist {
  readonly id: string;
  readonly name: string;
  readonly trackIds: readonly string[];
  /** Local files in the playlist: items with `is_local: true` and no id. */
  readonly localFiles?: number;
}

export interface RouteState {
  readonly data: FakeData;
  readonly apiUrl: string;
  readonly playlists: readonly FakePlaylist[];
  /** Serve `/playlists/{id}/items` as if the signed-in user owned every playlist. */
  readonly playlistItemsAllowed: boolean;
  readonly searchCache: Map<string, FakeTrack[]>;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

const ok = (body: unknown): Answer => ({ status: 200, body: JSON.stringify(body) });
const fail = (status: number, message: string): Answer => ({
  status,
  body: spotifyError(status, message),
});
const notFound = (): Answer => fail(404, 'Resource not found');

function paging(url: URL, maxLimit: number, defaultLimit: number, capSilently = false) {
  const limit = Number(url.searchParams.get('limit') ?? defaultLimit);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const bad = !Number.isInteger(limit) || limit < 1 || (!capSilently && limit > maxLimit);
  return { limit: Math.min(limit, maxLimit), offset, bad };
}

/** A list as long as `all` whose page `[offset, offset + limit)` alone is rendered. */
function lazyItems<T>(
  all: readonly T[],
  offset: number,
  limit: number,
  render: (item: T) => unknown,
): unknown[] {
  const items: unknown[] = new Array<unknown>(all.length);
  for (let i = offset; i < Math.min(all.length, offset + limit); i++) items[i] = render(all[i]);
  return items;
}

function search(state: RouteState, url: URL): Answer {
  const { limit, offset, bad } = paging(url, 10, 5);
  if (bad) return fail(400, 'Invalid limit');
  if (!Number.isInteger(offset) || offset < 0 || offset > 1000) return fail(400, 'Invalid offset');
  if (!(url.searchParams.get('type') ?? '').split(',').includes('track'))
    return fail(400, 'Missing or bad type');
  const found = searchTracks(state.data, url.searchParams.get('q') ?? '', state.searchCache);
  const items = lazyItems(found, offset, limit, (t) => fullTrack(state.data, state.apiUrl, t));
  return ok({ tracks: page(url, items, offset, limit, state.apiUrl) });
}

function albumTracks(state: RouteState, url: URL, id: string): Answer {
  const album = state.data.albumById.get(id);
  if (album === undefined) return notFound();
  const { limit, offset, bad } = paging(url, 50, 20);
  if (bad) return fail(400, 'Invalid limit');
  const items = lazyItems(album.trackIds, offset, limit, (t) =>
    simplifiedTrack(state.data, state.apiUrl, state.data.trackById.get(t)!),
  );
  return ok(page(url, items, offset, limit, state.apiUrl));
}

function artistAlbums(state: RouteState, url: URL, id: string): Answer {
  if (!state.data.artistById.has(id)) return notFound();
  // "page size may be capped at 10": a larger limit is quietly served as 10.
  const { limit, offset } = paging(url, 10, 10, true);
  const groups = (url.searchParams.get('include_groups') ?? 'album,single,compilation').split(',');
  const albums = state.data.albums
    .filter((a) => a.artistId === id && groups.includes(a.albumType))
    .map((a) => simplifiedAlbum(state.data, state.apiUrl, a));
  return ok(page(url, albums, offset, limit, state.apiUrl));
}

function playlistItems(state: RouteState, url: URL, id: string): Answer {
  const playlist = state.playlists.find((p) => p.id === id);
  if (!state.playlistItemsAllowed || playlist === undefined) return fail(403, 'Forbidden');
  const { limit, offset, bad } = paging(url, 50, 20);
  if (bad) return fail(400, 'Invalid limit');
  const entries = playlist.trackIds.map((t) => ({
    added_at: '2026-01-01T00:00:00Z',
    item: fullTrack(state.data, state.apiUrl, state.data.trackById.get(t)!),
  }));
  for (let i = 0; i < (playlist.localFiles ?? 0); i++)
    entries.push({
      added_at: '2026-01-01T00:00:00Z',
      item: {
        id: null,
        is_local: true,
        name: `Home Recording ${i}`,
        type: 'track',
        uri: `spotify:local:Me::Home+Recording+${i}:180`,
      },
    });
  return ok(page(url, entries, offset, limit, state.apiUrl));
}

function playlist(state: RouteState, id: string): Answer {
  // Editorial and algorithmic playlists are gone for new apps, as are unknown ones.
  const found = state.playlists.find((p) => p.id === id);
  if (id.startsWith('37i9dQZF1') || found === undefined) return notFound();
  return ok({ id, name: found.name, type: 'playlist', uri: `spotify:playlist:${id}` });
}

/** The Web API's routes below `/v1`, as a new development-mode app sees them. */
export function routeApi(state: RouteState, url: URL): Answer {
  const parts = url.pathname.replace(/^\/v1\/?/, '').split('/');
  const [resource, id = '', sub] = parts;
  const { data, apiUrl } = state;
  if (resource === 'search' && parts.length === 1) return search(state, url);
  if (resource === 'tracks' && parts.length === 1) return fail(403, 'Forbidden');
  if (resource === 'tracks' && sub === undefined) {
    const track = data.trackById.get(id);
    return track ? ok(fullTrack(data, apiUrl, track)) : notFound();
  }
  if (resource === 'albums' && sub === undefined) {
    const album = data.albumById.get(id);
    return album ? ok(fullAlbum(data, apiUrl, album, url)) : notFound();
  }
  if (resource === 'albums' && sub === 'tracks') return albumTracks(state, url, id);
  if (resource === 'artists' && sub === undefined) {
    const artist = data.artistById.get(id);
    return artist ? ok(artistObject(apiUrl, artist)) : notFound();
  }
  if (resource === 'artists' && sub === 'albums') return artistAlbums(state, url, id);
  if (resource === 'playlists' && sub === undefined) return playlist(state, id);
  if (resource === 'playlists' && sub === 'tracks') return fail(403, 'Forbidden');
  if (resource === 'playlists' && sub === 'items') return playlistItems(state, url, id);
  return fail(404, 'Service not found');
}
