import { ServiceError } from '../core/app/service-error.ts';
import type { CrawlOptions } from '../core/spotify/crawl-types.ts';
import { parseSources } from '../core/spotify/parse-source.ts';
import { crawlPipelineStep } from '../core/spotify/pipeline-step.ts';
import { rematchUnmatched, unmatchedSources } from '../core/ratings/history/rematch.ts';
import type { CrawlStep } from './refresh.ts';

/** Options the app leaves to main/core/spotify's defaults; tests point `apiUrl` elsewhere. */
export type SpotifyCrawlOptions = Omit<CrawlOptions, 'credentials' | 'signal' | 'onProgress'>;

/**
 * Refresh data's Spotify step: the sources saved in Settings (checked when saved, parsed again
 * here) and the recordings of your listening history that no song matched yet (the most
 * listened, as `earshot pipeline --source unmatched`), crawled with the decrypted credentials by
 * main/core/spotify, which resumes unfinished work, keeps its progress when Spotify stops it
 * early, and reports in words. Recordings the crawl brought in then join your listening.
 */
export function createSpotifyCrawl(options: SpotifyCrawlOptions = {}): CrawlStep {
  return async (store, job, report, signal) => {
    const parsed = parseSources([...job.sources, ...unmatchedSources(store)]);
    if (!parsed.ok)
      throw new ServiceError('invalid-request', `Spotify sources: ${parsed.errors.join('; ')}`);
    const step = crawlPipelineStep(parsed.sources, { ...options, credentials: job.credentials });
    await step(store, report, signal);
    if (store.signals.unmatched().length > 0) rematchUnmatched(store);
  };
}
