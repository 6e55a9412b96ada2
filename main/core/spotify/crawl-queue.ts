import type { CrawlRepository, WorkItem } from '../store/crawl-repository.ts';
import { isSourceFailure, sourceFailureMessage, toStop } from './crawl-failure.ts';
import { isWorkKind } from './crawl-requests.ts';
import { interpretAnswer } from './crawl-steps.ts';
import { WorkQueue } from './work-queue.ts';
import type { CrawlProgress, CrawlStop } from './crawl-types.ts';
import type { CrawlSource } from './parse-source.ts';
import type { SpotifyClient } from './spotify-client.ts';
import type { SpotifyErrorCode, SpotifyFailure } from './spotify-error.ts';

/** A source of this run with its running tallies. */
export interface RunSource {
  readonly source: CrawlSource;
  readonly id: number;
  readonly genre: string | null;
  requests: number;
  fetched: number;
  error: { code: SpotifyErrorCode; message: string } | undefined;
}

export interface QueueDeps {
  readonly crawl: CrawlRepository;
  readonly client: SpotifyClient;
  readonly sources: ReadonlyMap<number, RunSource>;
  /** Unix seconds: work done before this is redone. */
  readonly staleBefore: number;
  readonly concurrency: number;
  readonly nowMs: () => number;
  /** Cancels requests in flight once the crawl must stop. */
  readonly abortInFlight: () => void;
  readonly onProgress: ((progress: CrawlProgress) => void) | undefined;
}

/**
 * Works through the queue, `concurrency` requests at a time, until it is empty or a failure
 * stops the crawl. Each answer is committed with the work it reveals in one transaction, so a
 * kill at any moment loses at most the requests in flight.
 */
export async function drainQueue(deps: QueueDeps): Promise<CrawlStop | null> {
  const queue = new WorkQueue(deps.crawl.todo([...deps.sources.keys()], deps.staleBefore));
  const inFlight = new Map<number, Promise<void>>();
  const isLive = (item: WorkItem): boolean => deps.sources.get(item.sourceId)?.error === undefined;
  let stop: CrawlStop | null = null;
  const run: ItemRun = {
    queue,
    totals: { requests: 0, fetched: 0 },
    left: () => queue.waiting + inFlight.size - 1,
    onStop(failure) {
      if (stop !== null) return;
      stop = toStop(failure, deps.nowMs());
      deps.abortInFlight();
    },
  };
  for (;;) {
    while (stop === null && inFlight.size < deps.concurrency) {
      const item = queue.take(isLive);
      if (item === undefined) break;
      inFlight.set(
        item.id,
        runItem(deps, item, run).finally(() => inFlight.delete(item.id)),
      );
    }
    if (inFlight.size === 0) return stop;
    await Promise.race(inFlight.values());
  }
}

interface ItemRun {
  readonly queue: WorkQueue;
  readonly totals: { requests: number; fetched: number };
  /** Requests still to make besides the one finishing. */
  left(): number;
  onStop(failure: SpotifyFailure): void;
}

async function runItem(deps: QueueDeps, item: WorkItem, run: ItemRun): Promise<void> {
  const source = deps.sources.get(item.sourceId);
  if (source === undefined || !isWorkKind(item.kind))
    throw new RangeError(`Crawl work ${item.id} has an unknown source or kind "${item.kind}".`);
  const answer = await deps.client.get(item.path);
  const nowSeconds = Math.floor(deps.nowMs() / 1000);
  const step = answer.ok ? interpretAnswer(item.kind, answer.body, item.context) : answer;
  if (!step.ok) {
    if (!isSourceFailure(step.error.code)) return run.onStop(step.error);
    const message = sourceFailureMessage(source.source, item.kind, step.error);
    source.error ??= { code: step.error.code, message };
    deps.crawl.failSource(item, step.error.code, message, nowSeconds);
    return;
  }
  const revealed = deps.crawl.completeWork(
    item,
    step.output,
    source.genre,
    nowSeconds,
    deps.staleBefore,
  );
  run.queue.push(revealed);
  const fetched = step.output.tracks.length;
  source.requests++;
  source.fetched += fetched;
  run.totals.requests++;
  run.totals.fetched += fetched;
  deps.onProgress?.({
    phase: 'crawl',
    source: source.source.key,
    requestsDone: run.totals.requests,
    requestsLeft: run.left(),
    fetched: run.totals.fetched,
  });
}
