/** Where a track came from: the embedded catalog, a Spotify crawl, or an imported file's item id. */
export type TrackSource = 'catalog' | 'spotify' | 'placeholder';

export interface ArtistCredit {
  readonly name: string;
  readonly spotifyId?: string | undefined;
}

/** A track as it is written to the store; optional fields are unknown, never guessed. */
export interface TrackInput {
  readonly itemKey: string;
  readonly source: TrackSource;
  readonly title: string;
  readonly artists: readonly ArtistCredit[];
  readonly genres: readonly string[];
  readonly album?: string | undefined;
  readonly albumType?: string | undefined;
  readonly year?: number | undefined;
  readonly releaseDate?: string | undefined;
  readonly releaseDatePrecision?: string | undefined;
  readonly durationMs?: number | undefined;
  readonly explicit?: boolean | undefined;
  readonly isrc?: string | undefined;
  readonly spotifyId?: string | undefined;
  readonly spotifyUrl?: string | undefined;
  readonly imageUrl?: string | undefined;
  readonly popularity?: number | undefined;
  readonly marketCount?: number | undefined;
  /** Unix seconds when Spotify served this metadata (Spotify's terms allow only temporary caching). */
  readonly fetchedAt?: number | undefined;
}

/** A stored track as the rest of the app sees it. */
export interface Track {
  readonly id: number;
  readonly itemKey: string;
  readonly source: TrackSource;
  readonly title: string;
  readonly artists: readonly string[];
  readonly genres: readonly string[];
  readonly album: string | null;
  readonly year: number | null;
  readonly spotifyUrl: string | null;
  readonly imageUrl: string | null;
}
