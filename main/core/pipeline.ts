import type { EarshotEvents } from './contract/index.ts';
import { loadEmbeddedCatalog } from './catalog/embedded-catalog.ts';
import { applySimulation } from './ratings/simulation.ts';
import type { RatingsMode, SimulationOutcome } from './ratings/simulation.ts';
import { retryWhileBusy } from './store/busy.ts';
import type { Store } from './store/store.ts';
import { plural } from './plural.ts';

/** A step's news: started, advanced (`done` of `total`), finished, or skipped and why. */
export type PipelineProgress = EarshotEvents['pipeline:progress'];

export interface PipelineOptions {
  readonly listeners: number;
  readonly seed: number;
  readonly ratingsMode: RatingsMode;
  /** The catalog file; the embedded one when absent. */
  readonly catalogPath?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: PipelineProgress) => void;
}

/** The steps that live outside this module (Spotify, the recommender), injected by the caller. */
export interface PipelineSteps<CrawlSummary, TrainSummary> {
  readonly crawl?: (
    store: Store,
    report: (p: PipelineProgress) => void,
    signal?: AbortSignal,
  ) => Promise<CrawlSummary>;
  readonly train?: (
    store: Store,
    report: (p: PipelineProgress) => void,
    signal?: AbortSignal,
  ) => Promise<TrainSummary>;
}

export interface PipelineSummary<CrawlSummary, TrainSummary> {
  readonly catalog: { inserted: number; updated: number };
  readonly crawl: CrawlSummary | undefined;
  readonly ratings: SimulationOutcome;
  readonly training: TrainSummary | undefined;
  readonly seconds: number;
}

export const pipelineDefaults = {
  listeners: 1000,
  uniformListeners: 50,
  seed: 42,
  ratingsMode: 'taste',
} as const;

/**
 * Refreshes everything, step by step: the embedded catalog, a Spotify crawl when configured,
 * simulated ratings (new tracks rated by the same listeners), then training. Each step commits
 * on its own, so a failure or cancellation keeps the previous steps' work and the previous model.
 */
export async function runPipeline<C, T>(
  store: Store,
  options: PipelineOptions,
  steps: PipelineSteps<C, T> = {},
): Promise<PipelineSummary<C, T>> {
  const started = performance.now();
  const report = (progress: PipelineProgress): void => options.onProgress?.(progress);
  report({ step: 'catalog', status: 'started', message: 'Loading the embedded catalog' });
  // Each step's writes are idempotent upserts in transactions, so one that found another
  // process writing is simply run again once it is done; in the desktop window the wait is on
  // timers, not a blocked main thread.
  const whenFree = <T>(step: () => T): Promise<T> =>
    retryWhileBusy(step, options.signal ? { signal: options.signal } : {});
  const catalog = await whenFree(() => loadEmbeddedCatalog(store, options.catalogPath));
  report({
    step: 'catalog',
    status: 'done',
    message: `${plural(catalog.inserted, 'new track')}, ${catalog.updated} refreshed`,
  });
  options.signal?.throwIfAborted();

  const crawl = steps.crawl ? await steps.crawl(store, report, options.signal) : undefined;
  options.signal?.throwIfAborted();

  report({
    step: 'ratings',
    status: 'started',
    message: `Simulating ${plural(options.listeners, 'listener')} (${options.ratingsMode})`,
  });
  const ratings = await whenFree(() =>
    applySimulation(store, {
      mode: options.ratingsMode,
      listeners: options.listeners,
      seed: options.seed,
    }),
  );
  report({
    step: 'ratings',
    status: 'done',
    message: `${ratings.action}: ${plural(ratings.ratingsWritten, 'rating')} written`,
  });
  options.signal?.throwIfAborted();

  const training = steps.train ? await steps.train(store, report, options.signal) : undefined;
  return { catalog, crawl, ratings, training, seconds: (performance.now() - started) / 1000 };
}
