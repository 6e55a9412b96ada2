import type { PlaylistFormat } from '../../contract/index.ts';

/** One song of a playlist, with what every format can carry. Unknown fields are null. */
export interface PlaylistEntry {
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly durationMs: number | null;
  /** The track's page on Spotify, when known. */
  readonly spotifyUrl: string | null;
  /** Its Spotify URI (`spotify:track:…`), a location-independent identifier, when known. */
  readonly spotifyUri: string | null;
  /** Where to find the song when its Spotify page is unknown: a Spotify search. */
  readonly searchUrl: string;
  readonly imageUrl: string | null;
  /** A line about it for people: the predicted stars and why, or the stars given. */
  readonly note: string | null;
}

export interface Playlist {
  readonly title: string;
  readonly annotation: string;
  /** Unix seconds. */
  readonly createdAt: number;
  readonly entries: readonly PlaylistEntry[];
}

/** The file each format is saved as. */
export const playlistFiles: Record<
  PlaylistFormat,
  { readonly extension: string; readonly mimeType: string; readonly label: string }
> = {
  m3u8: { extension: 'm3u8', mimeType: 'application/vnd.apple.mpegurl', label: 'M3U8 playlist' },
  xspf: { extension: 'xspf', mimeType: 'application/xspf+xml', label: 'XSPF playlist' },
  jspf: { extension: 'jspf', mimeType: 'application/json', label: 'JSPF playlist (ListenBrainz)' },
};

/** The format a file name's extension names (`.m3u` counts as M3U8), or undefined. */
export function formatOfFileName(name: string): PlaylistFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'm3u') return 'm3u8';
  return extension === 'm3u8' || extension === 'xspf' || extension === 'jspf'
    ? extension
    : undefined;
}

/** Artists as one credit: "A, B & C". */
export function creditOf(artists: readonly string[]): string {
  if (artists.length <= 1) return artists[0] ?? '';
  return `${artists.slice(0, -1).join(', ')} & ${artists[artists.length - 1]}`;
}
