import type { DropReason } from '../catalog/clean-track.ts';
import type { JoinSummary } from './join-catalog.ts';
import type { SourceKind } from './parse-source.ts';
import type { RetryPolicy, Sleep } from './retry-policy.ts';
import type { SpotifyErrorCode } from './spotify-error.ts';
import type { SpotifyCredentials } from './spotify-client.ts';

/** Why a crawl ended before its work was done. Its progress is kept either way. */
export type StopReason = Extract<
  SpotifyErrorCode,
  | 'rate-limited'
  | 'quota-exceeded'
  | 'invalid-client'
  | 'unauthorized'
  | 'premium-required'
  | 'server-error'
  | 'network'
  | 'timeout'
  | 'cancelled'
>;

export interface CrawlStop {
  readonly reason: StopReason;
  readonly message: string;
  /** When Spotify said to come back (ISO 8601), for rate-limit and quota stops that know it. */
  readonly resumeAt?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
}

export interface SourceReport {
  /** The source's canonical text (`album:…`, `search:…`). */
  readonly source: string;
  readonly kind: SourceKind;
  /** `incomplete`: work remains (the crawl stopped early); a re-run continues it. */
  readonly status: 'done' | 'failed' | 'incomplete';
  /** Requests answered for this source in this run. */
  readonly requests: number;
  /** Track objects fetched for this source in this run. */
  readonly fetched: number;
  readonly error?: { readonly code: SpotifyErrorCode; readonly message: string } | undefined;
}

/** Plain data: what one `runCrawl` did. */
export interface CrawlSummary {
  /** HTTP exchanges made, retries and token requests included. */
  readonly requests: number;
  /** Track objects fetched in this run. */
  readonly fetched: number;
  /** Track objects held from all runs, which the cleaner read. */
  readonly rawTracks: number;
  /** Tracks left after cleaning and de-duplication. */
  readonly cleaned: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly catalog: JoinSummary;
  readonly sources: readonly SourceReport[];
  readonly stopped: CrawlStop | null;
}

export type CrawlProgress =
  | {
      readonly phase: 'crawl';
      readonly source: string;
      readonly requestsDone: number;
      readonly requestsLeft: number;
      readonly fetched: number;
    }
  /** Waiting before a request: Spotify's `Retry-After` (up to the cap) or a retry's backoff. */
  | {
      readonly phase: 'wait';
      readonly reason: 'rate-limited' | 'retry';
      readonly ms: number;
      readonly code: SpotifyErrorCode;
    }
  | { readonly phase: 'clean'; readonly rawTracks: number }
  | { readonly phase: 'join'; readonly tracks: number };

export interface CrawlOptions {
  readonly credentials: SpotifyCredentials;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: CrawlProgress) => void) | undefined;
  /** Spotify metadata older than this is fetched again. Default 30. */
  readonly maxAgeDays?: number | undefined;
  /** Longest `Retry-After` waited out; a longer one stops the crawl. Default 60. */
  readonly retryAfterCapSeconds?: number | undefined;
  /** Default: `EARSHOT_SPOTIFY_API_URL`, else `https://api.spotify.com/v1`. */
  readonly apiUrl?: string | undefined;
  /** Default: `EARSHOT_SPOTIFY_ACCOUNTS_URL`, else `https://accounts.spotify.com`. */
  readonly accountsUrl?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  readonly timeoutMs?: number | undefined;
  /** See `SpotifyClientOptions`; defaults from `crawlLimits`. */
  readonly deadlineMs?: number | undefined;
  readonly maxBodyBytes?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  readonly maxInFlight?: number | undefined;
  /** Clock in milliseconds; tests move it to expire metadata and tokens. */
  readonly now?: (() => number) | undefined;
  readonly sleep?: Sleep | undefined;
  readonly random?: (() => number) | undefined;
}
