import type { CrawlOptions, CrawlProgress, CrawlSummary } from './crawl-types.ts';
import type { CrawlSource } from './parse-source.ts';

/** The crawl options that can cross into a worker: plain data, no functions or signals. */
export type WorkerCrawlOptions = Pick<
  CrawlOptions,
  | 'credentials'
  | 'maxAgeDays'
  | 'retryAfterCapSeconds'
  | 'apiUrl'
  | 'accountsUrl'
  | 'env'
  | 'timeoutMs'
  | 'deadlineMs'
  | 'maxBodyBytes'
  | 'retry'
  | 'maxInFlight'
>;

/** Main to worker: crawl these sources into the database at `dbPath`, or stop. */
export type CrawlWorkerRequest =
  | {
      readonly type: 'crawl';
      readonly dbPath: string;
      readonly sources: readonly CrawlSource[];
      readonly options: WorkerCrawlOptions;
    }
  | { readonly type: 'cancel' };

/** Worker to main. An error is plain data: the worker's exceptions never cross as objects. */
export type CrawlWorkerResponse =
  | { readonly type: 'progress'; readonly progress: CrawlProgress }
  | { readonly type: 'done'; readonly summary: CrawlSummary }
  | { readonly type: 'error'; readonly message: string };

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

export function isCrawlWorkerRequest(value: unknown): value is CrawlWorkerRequest {
  return hasType(value) && (value.type === 'crawl' || value.type === 'cancel');
}

export function isCrawlWorkerResponse(value: unknown): value is CrawlWorkerResponse {
  return (
    hasType(value) && (value.type === 'progress' || value.type === 'done' || value.type === 'error')
  );
}
