import type { TrackView } from '../contract/index.ts';
import type { Track } from '../catalog/track.ts';

/** A Spotify search for the song, for tracks whose Spotify page is not known. */
function spotifySearchUrl(track: Pick<Track, 'title' | 'artists'>): string {
  const query = [track.title, track.artists[0] ?? ''].join(' ').trim();
  return `https://open.spotify.com/search/${encodeURIComponent(query)}`;
}

export function toTrackView(track: Track): TrackView {
  return {
    id: track.id,
    title: track.title,
    artists: track.artists,
    album: track.album,
    year: track.year,
    genres: track.genres,
    imageUrl: track.imageUrl,
    spotifyUrl: track.spotifyUrl ?? spotifySearchUrl(track),
    spotifyUrlIsSearch: track.spotifyUrl === null,
  };
}
