import type { Playlist, PlaylistEntry } from './playlist.ts';
import { creditOf } from './playlist.ts';

/** A JSPF track: XSPF's fields, `location` and `identifier` as arrays; unknown ones left out. */
function trackOf(entry: PlaylistEntry): Record<string, unknown> {
  const track: Record<string, unknown> = {};
  if (entry.spotifyUrl !== null) track.location = [entry.spotifyUrl];
  if (entry.spotifyUri !== null) track.identifier = [entry.spotifyUri];
  track.title = entry.title;
  const creator = creditOf(entry.artists);
  if (creator !== '') track.creator = creator;
  if (entry.note !== null) track.annotation = entry.note;
  if (entry.spotifyUrl === null) track.info = entry.searchUrl;
  if (entry.imageUrl !== null) track.image = entry.imageUrl;
  if (entry.album !== null) track.album = entry.album;
  if (entry.durationMs !== null) track.duration = Math.round(entry.durationMs);
  return track;
}

/**
 * JSPF, the JSON form of XSPF that ListenBrainz reads (xspf.org/jspf): `{ "playlist": { title,
 * creator, annotation, date, track: [...] } }`, the same fields as the XSPF file.
 */
export function toJspf(playlist: Playlist): string {
  const document = {
    playlist: {
      title: playlist.title,
      creator: 'Earshot',
      annotation: playlist.annotation,
      date: new Date(playlist.createdAt * 1000).toISOString(),
      track: playlist.entries.map(trackOf),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
