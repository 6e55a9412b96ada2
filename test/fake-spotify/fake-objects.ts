import type { FakeAlbum, FakeArtist, FakeData, FakeTrack } from './fake-data.ts';

/** JSON shapes as Spotify's Web API serves them to a new app in late 2026. */

type Json = Record<string, unknown>;

function artistRef(apiUrl: string, artist: FakeArtist): Json {
  return {
    external_urls: { spotify: `https://open.spotify.com/artist/${artist.id}` },
    href: `${apiUrl}/artists/${artist.id}`,
    id: artist.id,
    name: artist.name,
    type: 'artist',
    uri: `spotify:artist:${artist.id}`,
  };
}

export function artistObject(apiUrl: string, artist: FakeArtist): Json {
  // Artist genres are deprecated and may be empty; the fake keeps them for its search filter only.
  return { ...artistRef(apiUrl, artist), genres: [], images: [] };
}

function artistsOf(data: FakeData, apiUrl: string, ids: readonly string[]): Json[] {
  return ids.map((id) => artistRef(apiUrl, data.artistById.get(id)!));
}

export function simplifiedAlbum(data: FakeData, apiUrl: string, album: FakeAlbum): Json {
  return {
    album_type: album.albumType,
    artists: artistsOf(data, apiUrl, [album.artistId]),
    external_urls: { spotify: `https://open.spotify.com/album/${album.id}` },
    href: `${apiUrl}/albums/${album.id}`,
    id: album.id,
    images: [640, 300, 64].map((size) => ({
      height: size,
      url: `https://i.scdn.co/image/fake${size}${album.id}`,
      width: size,
    })),
    name: album.name,
    release_date: album.releaseDate,
    release_date_precision: 'day',
    total_tracks: album.trackIds.length,
    type: 'album',
    uri: `spotify:album:${album.id}`,
  };
}

/** A track as album pages list it: no album, no external ids. */
export function simplifiedTrack(data: FakeData, apiUrl: string, track: FakeTrack): Json {
  return {
    artists: artistsOf(data, apiUrl, track.artistIds),
    disc_number: 1,
    duration_ms: track.durationMs,
    explicit: track.explicit,
    external_urls: { spotify: `https://open.spotify.com/track/${track.id}` },
    href: `${apiUrl}/tracks/${track.id}`,
    id: track.id,
    is_local: false,
    name: track.name,
    track_number: track.trackNumber,
    type: 'track',
    uri: `spotify:track:${track.id}`,
  };
}

/** A full track object: `popularity`, `available_markets` and `preview_url` are gone. */
export function fullTrack(data: FakeData, apiUrl: string, track: FakeTrack): Json {
  const album = data.albumById.get(track.albumId)!;
  return {
    ...simplifiedTrack(data, apiUrl, track),
    album: simplifiedAlbum(data, apiUrl, album),
    external_ids: { isrc: track.isrc },
  };
}

/** Spotify's paging object over `all`, with absolute `next`/`previous` links. */
export function page(
  url: URL,
  all: readonly unknown[],
  offset: number,
  limit: number,
  apiUrl: string,
): Json {
  const link = (at: number): string => {
    const next = new URL(url.href);
    next.searchParams.set('offset', String(at));
    next.searchParams.set('limit', String(limit));
    return `${apiUrl}${next.pathname.replace(/^\/v1/, '')}${next.search}`;
  };
  return {
    href: link(offset),
    items: all.slice(offset, offset + limit),
    limit,
    next: offset + limit < all.length ? link(offset + limit) : null,
    offset,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    total: all.length,
  };
}

export function fullAlbum(data: FakeData, apiUrl: string, album: FakeAlbum, url: URL): Json {
  const tracks = album.trackIds.map((id) => simplifiedTrack(data, apiUrl, data.trackById.get(id)!));
  const tracksUrl = new URL(`${url.origin}/v1/albums/${album.id}/tracks`);
  return {
    ...simplifiedAlbum(data, apiUrl, album),
    copyrights: [],
    label: 'Fake Records',
    tracks: page(tracksUrl, tracks, 0, 50, apiUrl),
  };
}

export function spotifyError(status: number, message: string, reason?: string): string {
  return JSON.stringify({ error: { status, message, ...(reason ? { reason } : {}) } });
}
