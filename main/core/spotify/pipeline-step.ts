import type { PipelineProgress } from '../pipeline.ts';
import type { Store } from '../store/store.ts';
import type { CrawlOptions, CrawlProgress, CrawlSummary } from './crawl-types.ts';
import type { CrawlSource } from './parse-source.ts';
import { runCrawl } from './run-crawl.ts';
import { nounFor, plural } from '../plural.ts';

const count = (n: number): string => n.toLocaleString('en');
const counted = (n: number, noun: string): string => `${count(n)} ${nounFor(n, noun)}`;

/** A crawl progress event as the pipeline's `crawl` step news, in words a person reads. */
export function describeCrawlProgress(progress: CrawlProgress): PipelineProgress {
  const news = (message: string, done?: number, total?: number): PipelineProgress => ({
    step: 'crawl',
    status: 'progress',
    message,
    ...(done === undefined ? {} : { done, total }),
  });
  switch (progress.phase) {
    case 'crawl': {
      const total = progress.requestsDone + progress.requestsLeft;
      return news(
        `Spotify: ${counted(progress.fetched, 'track')} fetched`,
        progress.requestsDone,
        total,
      );
    }
    case 'wait': {
      const seconds = Math.ceil(progress.ms / 1000);
      return news(
        progress.reason === 'rate-limited'
          ? `Spotify asked to slow down: waiting ${seconds} s`
          : `Spotify answered ${progress.code}: trying again in ${seconds} s`,
      );
    }
    case 'clean':
      return news(`Cleaning ${counted(progress.rawTracks, 'track object')}`);
    case 'join':
      return news(`Adding ${counted(progress.tracks, 'track')} to the catalog`);
  }
}

/** One line on what a crawl did, then one per failed source and one on an early stop. */
export function formatCrawlSummary(summary: CrawlSummary): string[] {
  const { catalog } = summary;
  const dropped = Object.values(summary.dropped).reduce((sum, n) => sum + n, 0);
  const lines = [
    `${counted(summary.fetched, 'track')} fetched in ${counted(summary.requests, 'request')}; ` +
      `${count(catalog.added)} added, ${counted(catalog.enriched, 'catalog track')} enriched, ` +
      `${count(catalog.updated)} refreshed; ${count(dropped)} dropped in cleaning`,
  ];
  for (const source of summary.sources)
    if (source.error !== undefined) lines.push(`failed: ${source.error.message}`);
  if (summary.stopped !== null) lines.push(`stopped early: ${summary.stopped.message}`);
  return lines;
}

/**
 * Runs one crawl as the pipeline's `crawl` step news: started, progress in words, done with
 * its summary. `crawl` is `runCrawl` in this thread or `crawlInWorker` in another.
 */
export async function reportCrawl(
  sourceCount: number,
  report: (p: PipelineProgress) => void,
  crawl: (onProgress: (progress: CrawlProgress) => void) => Promise<CrawlSummary>,
): Promise<CrawlSummary> {
  report({
    step: 'crawl',
    status: 'started',
    message: `Crawling ${plural(sourceCount, 'Spotify source')}`,
  });
  const summary = await crawl((progress) => report(describeCrawlProgress(progress)));
  report({ step: 'crawl', status: 'done', message: formatCrawlSummary(summary).join('\n') });
  return summary;
}

/**
 * The pipeline's `crawl` step (see `PipelineSteps`): crawls `sources` and reports along the way.
 * A crawl that stops early is still a finished step: its progress is kept and said.
 */
export function crawlPipelineStep(
  sources: readonly CrawlSource[],
  options: Omit<CrawlOptions, 'signal' | 'onProgress'>,
): (
  store: Store,
  report: (p: PipelineProgress) => void,
  signal?: AbortSignal,
) => Promise<CrawlSummary> {
  return (store, report, signal) =>
    reportCrawl(sources.length, report, (onProgress) =>
      runCrawl(store, sources, { ...options, signal, onProgress }),
    );
}
