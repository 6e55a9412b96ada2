/**
 * How a play ended, as far as the history says: what `strength.ts` needs to tell a listen from
 * a skip.
 */
export const PlayEnd = {
  /** A scrobble or listen record: the service counted it as listened (Last.fm, ListenBrainz). */
  counted: 0,
  /** The track played to its end (Spotify `reason_end: trackdone`). */
  finished: 1,
  /** The listener moved on: Spotify `skipped: true` or `fwdbtn`, `backbtn`, `clickrow`, `endplay`. */
  byListener: 2,
  /** Stopped for another reason: logout, an error, another device took over. */
  otherwise: 3,
  /** The history does not say (Spotify's account-data history). */
  unknown: 4,
} as const;
export type PlayEnd = (typeof PlayEnd)[keyof typeof PlayEnd];

/** What a history says about one recording; the first play that names an identifier gives it. */
export interface HistoryRecording {
  readonly title: string;
  readonly artist: string;
  album: string | null;
  spotifyId: string | null;
  isrc: string | null;
  recordingMbid: string | null;
  /** The recording's length when the history gives it (ListenBrainz `duration_ms`). */
  durationMs: number | null;
}

/**
 * Plays as growable parallel columns (a million plays are four typed arrays, not a million
 * objects). Play `p` is of `recordings[recording[p]]`, at `time[p]` (Unix seconds), lasted
 * `msPlayed[p]` (−1 unknown) and ended as `end[p]`.
 */
export class PlayColumns {
  readonly recordings: HistoryRecording[] = [];
  readonly #bySpotifyId = new Map<string, number>();
  /** title → artist → recording: two lookups instead of building a key string per play. */
  readonly #byTitle = new Map<string, Map<string, number>>();
  recording = new Int32Array(1024);
  time = new Float64Array(1024);
  msPlayed = new Float64Array(1024);
  end = new Uint8Array(1024);
  count = 0;
  /** Entries that were not music (podcast episodes, audiobooks, unknown tracks), left out. */
  notMusic = 0;

  /**
   * The index of a recording, created on first sight (`describe` is called only then); later
   * plays fill identifiers it lacks. Plays are told apart by Spotify id when there is one, else
   * by artist and title exactly as written: matching merges spelling variants later.
   */
  recordingOf(
    spotifyId: string | null,
    artist: string,
    title: string,
    describe: () => HistoryRecording,
  ): number {
    let byArtist: Map<string, number> | undefined;
    if (spotifyId !== null) {
      const seen = this.#bySpotifyId.get(spotifyId);
      if (seen !== undefined) return seen;
    } else {
      byArtist = this.#byTitle.get(title);
      const seen = byArtist?.get(artist);
      if (seen !== undefined) return seen;
    }
    const index = this.recordings.push(describe()) - 1;
    if (spotifyId !== null) this.#bySpotifyId.set(spotifyId, index);
    else if (byArtist !== undefined) byArtist.set(artist, index);
    else this.#byTitle.set(title, new Map([[artist, index]]));
    return index;
  }

  /** Fills identifiers a recording lacks from a later play (ListenBrainz gives them unevenly). */
  enrich(
    recording: number,
    more: Partial<Pick<HistoryRecording, 'isrc' | 'recordingMbid' | 'durationMs' | 'album'>>,
  ): void {
    const known = this.recordings[recording];
    known.album ??= more.album ?? null;
    known.isrc ??= more.isrc ?? null;
    known.recordingMbid ??= more.recordingMbid ?? null;
    known.durationMs ??= more.durationMs ?? null;
  }

  add(recording: number, time: number, msPlayed: number, end: PlayEnd): void {
    if (this.count === this.time.length) this.#grow();
    const p = this.count++;
    this.recording[p] = recording;
    this.time[p] = time;
    this.msPlayed[p] = msPlayed;
    this.end[p] = end;
  }

  #grow(): void {
    const size = this.time.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.recording = grown(this.recording, (n) => new Int32Array(n));
    this.time = grown(this.time, (n) => new Float64Array(n));
    this.msPlayed = grown(this.msPlayed, (n) => new Float64Array(n));
    this.end = grown(this.end, (n) => new Uint8Array(n));
  }
}
