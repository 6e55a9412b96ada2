import { Worker } from 'node:worker_threads';
import type { CrawlProgress, CrawlSummary } from './crawl-types.ts';
import { isCrawlWorkerResponse } from './crawl-worker-messages.ts';
import type { CrawlWorkerRequest, WorkerCrawlOptions } from './crawl-worker-messages.ts';
import type { CrawlSource } from './parse-source.ts';

export interface CrawlInWorkerHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CrawlProgress) => void;
}

/** A cancelled crawl finishes its request in flight; one that has not stopped by then is ended. */
const cancelGraceMs = 10_000;

/**
 * The worker's file beside this one, with this module's own extension (`.ts` from the sources,
 * `.js` compiled), taken from `app.asar.unpacked` in a packaged app: a worker thread cannot
 * start from inside the archive.
 */
function workerUrl(): URL {
  const extension = new URL(import.meta.url).pathname.match(/\.[cm]?[jt]s$/)?.[0] ?? '.js';
  const url = new URL(`./crawl-worker${extension}`, import.meta.url);
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}

function abortError(): DOMException {
  return new DOMException('The Spotify crawl was cancelled.', 'AbortError');
}

/**
 * Runs `runCrawl` in a worker thread on the database at `dbPath`, reporting its progress, and
 * resolves with its summary. Aborting asks the crawl to stop (it then resolves with a
 * `cancelled` stop, as `runCrawl` does); a worker that dies (out of its memory limit, say)
 * rejects with an error that says so, and the calling thread goes on.
 */
export function crawlInWorker(
  dbPath: string,
  sources: readonly CrawlSource[],
  options: WorkerCrawlOptions,
  hooks: CrawlInWorkerHooks = {},
): Promise<CrawlSummary> {
  const { signal } = hooks;
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      finish();
    };
    function cancel(): void {
      worker.postMessage({ type: 'cancel' } satisfies CrawlWorkerRequest);
      grace = setTimeout(() => settle(() => reject(abortError())), cancelGraceMs);
      grace.unref();
    }
    signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: unknown) => {
      if (!isCrawlWorkerResponse(message)) return;
      if (message.type === 'progress') hooks.onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.summary));
      else settle(() => reject(new Error(`The Spotify crawl failed: ${message.message}`)));
    });
    worker.on('error', (error: unknown) =>
      settle(() =>
        reject(new Error(`The Spotify crawl failed: ${String(error)}`, { cause: error })),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`The Spotify crawl's worker stopped (exit code ${code}).`))),
    );
    const request: CrawlWorkerRequest = { type: 'crawl', dbPath, sources, options };
    worker.postMessage(request);
  });
}
