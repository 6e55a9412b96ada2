import {
  EntryProblem,
  asEntry,
  isrcOf,
  optionalText,
  spotifyIdOf,
  text,
  time,
} from './entry-fields.ts';
import { PlayEnd } from './plays.ts';
import type { PlayColumns } from './plays.ts';

function durationOf(info: Readonly<Record<string, unknown>> | undefined): number | null {
  const ms = info?.duration_ms;
  if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return ms;
  const seconds = info?.duration;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? seconds * 1000
    : null;
}

/**
 * One ListenBrainz listen: `listened_at` (Unix seconds) and `track_metadata` with
 * `artist_name`, `track_name`, `release_name` and `additional_info` (`spotify_id`, `isrc`,
 * `recording_mbid`, `duration_ms`). A listen is a counted play, as a scrobble.
 */
export function readListen(value: unknown, plays: PlayColumns): void {
  const entry = asEntry(value, 'the listen');
  const at = time(entry, 'listened_at');
  let metadata;
  try {
    metadata = asEntry(entry.track_metadata, 'track_metadata');
  } catch {
    throw new EntryProblem('.track_metadata: expected an object with artist_name and track_name');
  }
  const info =
    typeof metadata.additional_info === 'object' && metadata.additional_info !== null
      ? (metadata.additional_info as Readonly<Record<string, unknown>>)
      : undefined;
  let title: string;
  let artist: string;
  try {
    title = text(metadata, 'track_name');
    artist = text(metadata, 'artist_name');
  } catch (error) {
    throw new EntryProblem(`.track_metadata${(error as Error).message}`);
  }
  const spotifyId = spotifyIdOf(optionalText(info, 'spotify_id'));
  const details = {
    album: optionalText(metadata, 'release_name'),
    isrc: isrcOf(optionalText(info, 'isrc')),
    recordingMbid: optionalText(info, 'recording_mbid'),
    durationMs: durationOf(info),
  };
  const recording = plays.recordingOf(spotifyId, artist, title, () => ({
    title,
    artist,
    spotifyId,
    ...details,
  }));
  plays.enrich(recording, details);
  plays.add(recording, at, -1, PlayEnd.counted);
}
