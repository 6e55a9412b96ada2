import {
  artistKey,
  recordingKey,
  splitArtistCredit,
  splitFeaturing,
  titleKey,
} from '../../catalog/normalise.ts';
import type { HistoryRecording } from './plays.ts';

/** A stored track as matching sees it. */
export interface TrackCandidate {
  readonly id: number;
  readonly source: string;
  readonly spotifyId: string | null;
  readonly isrc: string | null;
  readonly title: string;
  readonly artists: readonly string[];
  readonly durationMs: number | null;
}

export type MatchedBy = 'spotify-id' | 'isrc' | 'recording' | 'title-and-artist';

/** The key a recording of a history is stored under while no track matches it. */
export function historyRecordingKey(recording: HistoryRecording): string {
  const { main, featured } = splitArtistCredit(recording.artist);
  return recordingKey(recording.title, [main, ...featured]);
}

function setOnce<K>(map: Map<K, number>, key: K | null, id: number): void {
  if (key !== null && !map.has(key)) map.set(key, id);
}

/**
 * Finds the stored track a history's recording is: by Spotify id, then ISRC, then the
 * recording key (normalised title and every artist, featuring credits included), then — only
 * when the history names no featured artist, since Spotify's history gives the album artist
 * alone — the normalised title and primary artist, if exactly one track without a featuring
 * credit has them. Catalog tracks are preferred over crawled ones on a tie.
 */
export class TrackMatcher {
  readonly #bySpotifyId = new Map<string, number>();
  readonly #byIsrc = new Map<string, number>();
  readonly #byRecording = new Map<string, number>();
  /** title|primary artist → track id, or −1 when two tracks share it. */
  readonly #byTitleArtist = new Map<string, number>();
  readonly #duration = new Map<number, number>();

  constructor(candidates: readonly TrackCandidate[]) {
    const ordered = [...candidates].sort(
      (a, b) => Number(b.source === 'catalog') - Number(a.source === 'catalog'),
    );
    for (const track of ordered) {
      if (track.source === 'placeholder' || track.artists.length === 0) continue;
      setOnce(this.#bySpotifyId, track.spotifyId, track.id);
      setOnce(this.#byIsrc, track.isrc, track.id);
      setOnce(this.#byRecording, recordingKey(track.title, track.artists), track.id);
      if (track.durationMs !== null) this.#duration.set(track.id, track.durationMs);
      if (splitFeaturing(track.title).featured.length > 0) continue;
      const key = `${titleKey(track.title)}|${artistKey(track.artists[0])}`;
      const seen = this.#byTitleArtist.get(key);
      this.#byTitleArtist.set(key, seen === undefined || seen === track.id ? track.id : -1);
    }
  }

  /** The track's length in ms when the catalog knows it. */
  durationOf(trackId: number): number | null {
    return this.#duration.get(trackId) ?? null;
  }

  match(recording: HistoryRecording): { trackId: number; by: MatchedBy } | undefined {
    const bySpotify =
      recording.spotifyId === null ? undefined : this.#bySpotifyId.get(recording.spotifyId);
    if (bySpotify !== undefined) return { trackId: bySpotify, by: 'spotify-id' };
    const byIsrc = recording.isrc === null ? undefined : this.#byIsrc.get(recording.isrc);
    if (byIsrc !== undefined) return { trackId: byIsrc, by: 'isrc' };
    const byRecording = this.#byRecording.get(historyRecordingKey(recording));
    if (byRecording !== undefined) return { trackId: byRecording, by: 'recording' };
    const { main, featured } = splitArtistCredit(recording.artist);
    if (featured.length > 0 || splitFeaturing(recording.title).featured.length > 0)
      return undefined;
    const byName = this.#byTitleArtist.get(`${titleKey(recording.title)}|${artistKey(main)}`);
    return byName !== undefined && byName >= 0
      ? { trackId: byName, by: 'title-and-artist' }
      : undefined;
  }
}
