import type { PlaylistFormat } from '../../contract/index.ts';
import { toJspf } from './jspf.ts';
import { toM3u8 } from './m3u8.ts';
import type { Playlist } from './playlist.ts';
import { toXspf } from './xspf.ts';

const writers: Record<PlaylistFormat, (playlist: Playlist) => string> = {
  m3u8: toM3u8,
  xspf: toXspf,
  jspf: toJspf,
};

/** The playlist as the text of a file in `format`. */
export function renderPlaylist(playlist: Playlist, format: PlaylistFormat): string {
  return writers[format](playlist);
}
