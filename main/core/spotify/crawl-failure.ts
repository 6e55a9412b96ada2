import type { WorkKind } from './crawl-requests.ts';
import type { CrawlStop, StopReason } from './crawl-types.ts';
import type { CrawlSource } from './parse-source.ts';
import type { SpotifyErrorCode, SpotifyFailure } from './spotify-error.ts';

/**
 * Failures that concern one source only (a missing album, a closed playlist, an answer that
 * makes no sense): that source is reported failed and the others go on. Every other failure
 * (credentials, Premium, limits, an unwell service, cancellation) stops the crawl.
 */
const sourceFailures: ReadonlySet<SpotifyErrorCode> = new Set<SpotifyErrorCode>([
  'not-found',
  'forbidden',
  'bad-request',
  'malformed-response',
  'too-large',
  'redirected',
]);

export function isSourceFailure(code: SpotifyErrorCode): boolean {
  return sourceFailures.has(code);
}

/** Spotify's editorial and algorithmic playlists ("Today's Top Hits", "Discover Weekly"). */
const editorialPlaylistPrefix = '37i9dQZF1';

/** A message for a failed source that says what happened in the user's terms. */
export function sourceFailureMessage(
  source: CrawlSource,
  kind: WorkKind,
  failure: SpotifyFailure,
): string {
  if (source.kind === 'playlist' && kind === 'playlist' && failure.code === 'not-found')
    return source.id.startsWith(editorialPlaylistPrefix)
      ? `Playlist ${source.id} is a Spotify editorial or algorithmic playlist; Spotify no longer serves those to new apps (404).`
      : `Playlist ${source.id} was not found, or Spotify does not serve it to new apps (404).`;
  if (kind === 'playlist-items' && failure.code === 'forbidden')
    return `Spotify serves a playlist's items only to its owner or collaborators signed in with their own account; Earshot crawls as an app, so it cannot read playlist ${source.key.slice('playlist:'.length)} (403).`;
  return `${source.key}: ${failure.message}`;
}

const stopAdvice: Readonly<Record<StopReason, string>> = {
  'rate-limited': 'Run the crawl again after the time given; it continues where it stopped.',
  'quota-exceeded': "Run the crawl again once Spotify's quota for this app has reset.",
  'invalid-client': 'Check the Spotify client id and secret in Settings.',
  unauthorized: 'Check the Spotify client id and secret in Settings.',
  'premium-required':
    "Spotify serves development apps only while the app owner's account has Premium.",
  'server-error': 'Spotify is unwell; run the crawl again later to continue.',
  network: 'Check the connection; run the crawl again to continue.',
  timeout: 'Spotify is slow to answer; run the crawl again later to continue.',
  cancelled: 'Run the crawl again to continue.',
};

/** Turns a crawl-stopping failure into the summary's `stopped`, with when to resume. */
export function toStop(failure: SpotifyFailure, nowMs: number): CrawlStop {
  const reason = (isSourceFailure(failure.code) ? 'server-error' : failure.code) as StopReason;
  const seconds = failure.retryAfterSeconds;
  const resumeAt =
    seconds === undefined ? undefined : new Date(nowMs + seconds * 1000).toISOString();
  const when = resumeAt === undefined ? '' : ` Spotify asks to wait until ${resumeAt}.`;
  return {
    reason,
    message: `${failure.message}.${when} ${stopAdvice[reason]}`,
    resumeAt,
    retryAfterSeconds: seconds,
  };
}
