import { cleanTracks, emptyDropCounts } from '../catalog/clean-tracks.ts';
import type { CrawlRepository } from '../store/crawl-repository.ts';
import type { Store } from '../store/store.ts';
import { firstWork } from './crawl-requests.ts';
import { drainQueue } from './crawl-queue.ts';
import type { RunSource } from './crawl-queue.ts';
import type { CrawlOptions, CrawlStop, CrawlSummary, SourceReport } from './crawl-types.ts';
import { joinCatalog } from './join-catalog.ts';
import type { CrawlSource } from './parse-source.ts';
import { SpotifyClient } from './spotify-client.ts';
import { resolveEndpoints } from './spotify-config.ts';

const secondsPerDay = 86_400;

function registerSources(
  store: Store,
  crawl: CrawlRepository,
  sources: readonly CrawlSource[],
  nowSeconds: number,
): Map<number, RunSource> {
  const runs = new Map<number, RunSource>();
  // One transaction for all: thousands of sources register in milliseconds, not seconds.
  store.transaction(() => {
    for (const source of sources) {
      const genre = source.kind === 'search' ? source.genre : undefined;
      const row = crawl.ensureSource(source.key, source.kind, genre, firstWork(source), nowSeconds);
      runs.set(row.id, {
        source,
        id: row.id,
        genre: row.genre,
        requests: 0,
        fetched: 0,
        error: undefined,
      });
    }
  });
  return runs;
}

function reportSources(
  crawl: CrawlRepository,
  runs: ReadonlyMap<number, RunSource>,
  staleBefore: number,
  nowSeconds: number,
): SourceReport[] {
  const rows = crawl.settleSources([...runs.keys()], staleBefore, nowSeconds);
  return [...runs.values()].map((run) => {
    const status = rows.get(run.id)?.status ?? 'pending';
    return {
      source: run.source.key,
      kind: run.source.kind,
      status: status === 'pending' ? 'incomplete' : status,
      requests: run.requests,
      fetched: run.fetched,
      error: run.error,
    };
  });
}

/** Crawls Spotify for `sources` until done or stopped; the crawl state lives in the store. */
async function crawlSources(
  crawl: CrawlRepository,
  runs: Map<number, RunSource>,
  options: CrawlOptions,
  staleBefore: number,
): Promise<{ stop: CrawlStop | null; requests: number }> {
  const endpoints = resolveEndpoints(options, options.env);
  const controller = new AbortController();
  const cancel = (): void => controller.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) controller.abort();
  const client = new SpotifyClient({
    ...options,
    ...endpoints,
    signal: controller.signal,
    onWait: (wait) => options.onProgress?.({ phase: 'wait', ...wait }),
  });
  try {
    const stop = await drainQueue({
      crawl,
      client,
      sources: runs,
      staleBefore,
      concurrency: options.maxInFlight ?? 2,
      nowMs: options.now ?? Date.now,
      abortInFlight: cancel,
      onProgress: options.onProgress,
    });
    return { stop, requests: client.requestCount };
  } finally {
    client.close();
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** Broken preconditions throw: they are the caller's bug, not an outcome of the crawl. */
function checkOptions(options: CrawlOptions): void {
  const { maxAgeDays, retryAfterCapSeconds } = options;
  if (maxAgeDays !== undefined && !(maxAgeDays >= 0))
    throw new RangeError(`maxAgeDays must be 0 or more, got ${maxAgeDays}`);
  if (retryAfterCapSeconds !== undefined && !(retryAfterCapSeconds >= 0))
    throw new RangeError(`retryAfterCapSeconds must be 0 or more, got ${retryAfterCapSeconds}`);
}

function missingCredentials(options: CrawlOptions): CrawlStop | null {
  const { clientId, clientSecret } = options.credentials;
  if (clientId.trim() !== '' && clientSecret.trim() !== '') return null;
  return {
    reason: 'invalid-client',
    message: 'No Spotify client id and secret are set. Add them in Settings to crawl Spotify.',
  };
}

/**
 * Crawls `sources` (see `parseSource`), resuming whatever an earlier run left unfinished and
 * refetching metadata older than `maxAgeDays`; then cleans every track object held and joins
 * the result into the catalog. A stop (rate limit, quota, credentials, an unwell service) keeps
 * all progress and still joins what was fetched; a cancellation skips the join.
 */
export async function runCrawl(
  store: Store,
  sources: readonly CrawlSource[],
  options: CrawlOptions,
): Promise<CrawlSummary> {
  checkOptions(options);
  const nowMs = options.now ?? Date.now;
  const startSeconds = Math.floor(nowMs() / 1000);
  const staleBefore = startSeconds - (options.maxAgeDays ?? 30) * secondsPerDay;
  const crawl = store.crawl;
  const runs = registerSources(store, crawl, sources, startSeconds);
  const early = missingCredentials(options);
  const { stop, requests } = early
    ? { stop: early, requests: 0 }
    : await crawlSources(crawl, runs, options, staleBefore);
  const reports = reportSources(crawl, runs, staleBefore, Math.floor(nowMs() / 1000));
  const fetched = reports.reduce((sum, r) => sum + r.fetched, 0);
  const base = { requests, fetched, sources: reports, stopped: stop };
  if (stop?.reason === 'cancelled') {
    const catalog = { added: 0, enriched: 0, updated: 0, duplicates: 0 };
    return {
      ...base,
      rawTracks: crawl.rawTrackCount(),
      cleaned: 0,
      dropped: emptyDropCounts(),
      catalog,
    };
  }
  const raws = crawl.rawTracks();
  options.onProgress?.({ phase: 'clean', rawTracks: raws.length });
  const cleaned = cleanTracks(
    raws.map((raw) => ({
      track: JSON.parse(raw.json) as unknown,
      fetchedAt: raw.fetchedAt,
      genres: raw.genres,
    })),
  );
  options.onProgress?.({ phase: 'join', tracks: cleaned.tracks.length });
  const catalog = joinCatalog(store, cleaned.tracks);
  return {
    ...base,
    rawTracks: raws.length,
    cleaned: cleaned.tracks.length,
    dropped: cleaned.dropped,
    catalog,
  };
}
