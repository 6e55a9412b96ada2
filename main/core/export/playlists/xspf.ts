import type { Playlist, PlaylistEntry } from './playlist.ts';
import { creditOf } from './playlist.ts';

/**
 * Text as XML character data: the five special characters escaped, and the characters XML 1.0
 * does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) left out.
 */
function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function element(name: string, value: string | number | null, indent: string): string[] {
  return value === null || value === ''
    ? []
    : [`${indent}<${name}>${xmlText(String(value))}</${name}>`];
}

/**
 * A track, its elements in the order of the XSPF 1 specification (section 4.1.1.2.14.1.1):
 * `location` is the Spotify track page and `identifier` its `spotify:track:` URI when known;
 * otherwise `info` points to a search, and players resolve the song by its names (XSPF's
 * "fuzzy names").
 */
function trackLines(entry: PlaylistEntry): string[] {
  const i = '      ';
  return [
    '    <track>',
    ...element('location', entry.spotifyUrl, i),
    ...element('identifier', entry.spotifyUri, i),
    ...element('title', entry.title, i),
    ...element('creator', creditOf(entry.artists), i),
    ...element('annotation', entry.note, i),
    ...element('info', entry.spotifyUrl === null ? entry.searchUrl : null, i),
    ...element('image', entry.imageUrl, i),
    ...element('album', entry.album, i),
    ...element('duration', entry.durationMs === null ? null : Math.round(entry.durationMs), i),
    '    </track>',
  ];
}

/** XSPF version 1 (`application/xspf+xml`), in UTF-8. */
export function toXspf(playlist: Playlist): string {
  const i = '  ';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
    ...element('title', playlist.title, i),
    ...element('creator', 'Earshot', i),
    ...element('annotation', playlist.annotation, i),
    ...element('date', new Date(playlist.createdAt * 1000).toISOString(), i),
    '  <trackList>',
    ...playlist.entries.flatMap(trackLines),
    '  </trackList>',
    '</playlist>',
    '',
  ].join('\n');
}
