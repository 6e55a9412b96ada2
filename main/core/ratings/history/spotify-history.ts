import { asEntry, milliseconds, optionalText, spotifyIdOf, text, time } from './entry-fields.ts';
import { PlayEnd } from './plays.ts';
import type { PlayColumns } from './plays.ts';

/** Spotify's `reason_end` values where the listener, not the track, ended the play. */
const endedByListener = new Set(['fwdbtn', 'backbtn', 'clickrow', 'endplay']);

function extendedEnd(entry: Readonly<Record<string, unknown>>): PlayEnd {
  if (entry.skipped === true) return PlayEnd.byListener;
  const reason = entry.reason_end;
  if (reason === 'trackdone') return PlayEnd.finished;
  if (typeof reason === 'string' && endedByListener.has(reason)) return PlayEnd.byListener;
  return typeof reason === 'string' ? PlayEnd.otherwise : PlayEnd.unknown;
}

/**
 * One entry of Spotify's Extended streaming history (`Streaming_History_Audio_*.json`):
 * `ts` (ISO 8601, when the play ended), `ms_played`, `master_metadata_track_name`,
 * `master_metadata_album_artist_name`, `master_metadata_album_album_name`,
 * `spotify_track_uri`, `skipped`, `reason_end`. Podcast episodes and audiobook chapters (no
 * track name) are counted as not music.
 */
export function readExtendedEntry(value: unknown, plays: PlayColumns): void {
  const entry = asEntry(value, 'the entry');
  const at = time(entry, 'ts');
  const ms = milliseconds(entry, 'ms_played');
  if (entry.master_metadata_track_name === null || entry.master_metadata_track_name === undefined) {
    plays.notMusic++;
    return;
  }
  const title = text(entry, 'master_metadata_track_name');
  const artist = text(entry, 'master_metadata_album_artist_name');
  const spotifyId = spotifyIdOf(optionalText(entry, 'spotify_track_uri'));
  const recording = plays.recordingOf(spotifyId, artist, title, () => ({
    title,
    artist,
    album: optionalText(entry, 'master_metadata_album_album_name'),
    spotifyId,
    isrc: null,
    recordingMbid: null,
    durationMs: null,
  }));
  plays.add(recording, at, ms, extendedEnd(entry));
}

/**
 * One entry of Spotify's account-data history (`StreamingHistory_music_*.json`): `endTime`
 * ("2024-01-31 18:05", UTC), `artistName`, `trackName`, `msPlayed`. "Unknown Track" entries
 * are not music one could match.
 */
export function readAccountEntry(value: unknown, plays: PlayColumns): void {
  const entry = asEntry(value, 'the entry');
  const at = time(entry, 'endTime');
  const ms = milliseconds(entry, 'msPlayed');
  const title = text(entry, 'trackName');
  const artist = text(entry, 'artistName');
  if (title === 'Unknown Track' && artist === 'Unknown Artist') {
    plays.notMusic++;
    return;
  }
  const recording = plays.recordingOf(null, artist, title, () => ({
    title,
    artist,
    album: null,
    spotifyId: null,
    isrc: null,
    recordingMbid: null,
    durationMs: null,
  }));
  plays.add(recording, at, ms, PlayEnd.unknown);
}
