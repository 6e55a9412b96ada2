import { ServiceError } from '../core/app/service-error.ts';
import { crawlInWorker } from '../core/spotify/crawl-in-worker.ts';
import type { WorkerCrawlOptions } from '../core/spotify/crawl-worker-messages.ts';
import { parseSources } from '../core/spotify/parse-source.ts';
import { reportCrawl } from '../core/spotify/pipeline-step.ts';
import { rematchUnmatched, unmatchedSources } from '../core/ratings/history/rematch.ts';
import { retryWhileBusy } from '../core/store/busy.ts';
import type { CrawlStep } from './refresh.ts';

/** Options the app leaves to main/core/spotify's defaults; tests point `apiUrl` elsewhere. */
export type SpotifyCrawlOptions = Omit<WorkerCrawlOptions, 'credentials'>;

/**
 * Refresh data's Spotify step: the sources saved in Settings (checked when saved, parsed again
 * here) and the recordings of your listening history that no song matched yet (the most
 * listened, as `earshot pipeline --source unmatched`), crawled with the decrypted credentials by
 * main/core/spotify, which resumes unfinished work, keeps its progress when Spotify stops it
 * early, and reports in words. The crawl runs in a worker thread with its own database
 * connection, so the window never waits on it and a crawl that failed badly cannot take the app
 * down. Recordings the crawl brought in then join your listening.
 */
export function createSpotifyCrawl(options: SpotifyCrawlOptions = {}): CrawlStep {
  return async (store, job, report, signal) => {
    const parsed = parseSources([...job.sources, ...unmatchedSources(store)]);
    if (!parsed.ok)
      throw new ServiceError('invalid-request', `Spotify sources: ${parsed.errors.join('; ')}`);
    await reportCrawl(parsed.sources.length, report, (onProgress) =>
      crawlInWorker(
        store.path,
        parsed.sources,
        { ...options, credentials: job.credentials },
        { signal, onProgress },
      ),
    );
    // One transaction, so it can simply run again while another process writes: the window's
    // connection waits only briefly for locks. Not cancellable: what the crawl fetched, even a
    // cancelled one, is worth matching.
    if (store.signals.unmatched().length > 0) await retryWhileBusy(() => rematchUnmatched(store));
  };
}
