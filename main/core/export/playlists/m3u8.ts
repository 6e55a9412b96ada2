import type { Playlist } from './playlist.ts';
import { creditOf } from './playlist.ts';

/** A line break would end the directive early: every field is kept on one line, controls out. */
function oneLine(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001F\u007F]/g, '')
      .trim()
  );
}

/**
 * Extended M3U in UTF-8 (`.m3u8`): `#EXTM3U`, the playlist's name (`#PLAYLIST`), then per song
 * `#EXTINF:<seconds>,<artists> - <title>` (-1 seconds when the length is unknown), its album
 * (`#EXTALB`) and its address: the Spotify track, or a Spotify search for it.
 */
export function toM3u8(playlist: Playlist): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${oneLine(playlist.title)}`];
  for (const entry of playlist.entries) {
    const seconds = entry.durationMs === null ? -1 : Math.round(entry.durationMs / 1000);
    const credit = oneLine(creditOf(entry.artists));
    const name = credit === '' ? oneLine(entry.title) : `${credit} - ${oneLine(entry.title)}`;
    lines.push(`#EXTINF:${seconds},${name}`);
    if (entry.album !== null) lines.push(`#EXTALB:${oneLine(entry.album)}`);
    lines.push(entry.spotifyUrl ?? entry.searchUrl);
  }
  return `${lines.join('\n')}\n`;
}
