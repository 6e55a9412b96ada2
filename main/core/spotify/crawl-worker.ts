/**
 * The Spotify crawl in a worker thread (see `crawl-in-worker.ts`): it opens its own connection
 * to the database, runs `runCrawl`, and posts progress and the summary. The thread that starts
 * it (the desktop's main process) stays free to draw the window, and a crawl that ran out of
 * memory would end this thread, not the app.
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { openStore } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import { isCrawlWorkerRequest } from './crawl-worker-messages.ts';
import type { CrawlWorkerRequest, CrawlWorkerResponse } from './crawl-worker-messages.ts';
import { runCrawl } from './run-crawl.ts';

/** The worker may block on another process's lock: no window waits on this thread. */
const workerBusyTimeoutMs = 60_000;

async function crawl(
  port: MessagePort,
  request: Extract<CrawlWorkerRequest, { type: 'crawl' }>,
  signal: AbortSignal,
): Promise<void> {
  const post = (response: CrawlWorkerResponse): void => port.postMessage(response);
  let store: Store | undefined;
  try {
    store = openStore(request.dbPath, { create: false, busyTimeoutMs: workerBusyTimeoutMs });
    const summary = await runCrawl(store, request.sources, {
      ...request.options,
      signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    store?.close();
  }
}

const port = parentPort;
if (port === null) throw new Error('crawl-worker.ts runs as a worker thread only');
const controller = new AbortController();
port.on('message', (message: unknown) => {
  if (!isCrawlWorkerRequest(message)) return;
  if (message.type === 'cancel') controller.abort();
  else void crawl(port, message, controller.signal).finally(() => port.close());
});
