import type { RefreshSummary, Result } from '../core/contract/index.ts';
import type { AppService } from '../core/app/app-service.ts';
import type { EventHub } from '../core/app/event-hub.ts';
import type { ModelManager } from '../core/app/model-manager.ts';
import { ServiceError, toApiError } from '../core/app/service-error.ts';
import { pipelineDefaults, runPipeline } from '../core/pipeline.ts';
import type { PipelineProgress } from '../core/pipeline.ts';
import type { trainInWorker } from '../core/recommender/training/train-in-worker.ts';
import type { SpotifyCredentials } from '../core/spotify/spotify-client.ts';
import type { Store } from '../core/store/store.ts';
import { trainForRefresh } from './refresh-training.ts';
import type { SettingsService } from './settings.ts';

/**
 * The Spotify crawl as Refresh data runs it (`crawlSpotify`, over main/core/spotify), reporting
 * its own started, progress and done news. Injected, so Refresh works without it — catalog,
 * ratings and retrain — and tests run it against a fake.
 */
export type CrawlStep = (
  store: Store,
  job: { readonly credentials: SpotifyCredentials; readonly sources: readonly string[] },
  report: (progress: PipelineProgress) => void,
  signal: AbortSignal,
) => Promise<unknown>;

export interface RefreshDeps {
  readonly store: Store;
  readonly models: ModelManager;
  readonly events: EventHub;
  readonly service: Pick<AppService, 'catalogChanged'>;
  readonly settings: Pick<
    SettingsService,
    'spotifySources' | 'spotifyCredentials' | 'modelOptions'
  >;
  /** The embedded catalog file (in a packaged app, under `process.resourcesPath`). */
  readonly catalogPath: string;
  readonly crawl?: CrawlStep;
  readonly train?: typeof trainInWorker;
  readonly onInternalError?: (error: unknown) => void;
}

/** Refresh data, one run at a time, cancellable. */
export interface Refresh {
  /** Runs every step; `busy` while another run is going, `cancelled` when cancelled. */
  run(): Promise<Result<RefreshSummary>>;
  cancel(): { readonly cancelled: boolean };
  isRunning(): boolean;
  /** Tells `listener` when a refresh starts and ends; returns the unsubscribe function. */
  onRunningChange(listener: (isRunning: boolean) => void): () => void;
  /**
   * Tells `listener` how each refresh that ran ended (summary, `cancelled` or the error; not a
   * run refused as `busy`), whoever started it; returns the unsubscribe function.
   */
  onFinished(listener: (result: Result<RefreshSummary>) => void): () => void;
}

async function crawlOrSkip(
  deps: RefreshDeps,
  store: Store,
  report: (progress: PipelineProgress) => void,
  signal: AbortSignal,
): Promise<'done' | 'skipped'> {
  const skip = (message: string): 'skipped' => {
    report({ step: 'crawl', status: 'skipped', message });
    return 'skipped';
  };
  const sources = deps.settings.spotifySources();
  const credentials = await deps.settings.spotifyCredentials();
  if (credentials.status === 'none') return skip('Spotify is not set up (Settings)');
  if (credentials.status === 'unreadable') return skip(credentials.message);
  // Recordings of an imported listening history that no song matched are crawled as well.
  if (sources.length === 0 && store.signals.unmatched().length === 0)
    return skip('No Spotify sources are set (Settings)');
  if (deps.crawl === undefined) return skip('Spotify crawling is not available in this version');
  await deps.crawl(store, { credentials: credentials.credentials, sources }, report, signal);
  return 'done';
}

export function createRefresh(deps: RefreshDeps): Refresh {
  let running: AbortController | undefined;
  const listeners = new Set<(isRunning: boolean) => void>();
  const announce = (isRunning: boolean): void => {
    for (const listener of listeners) listener(isRunning);
  };
  const finishedListeners = new Set<(result: Result<RefreshSummary>) => void>();

  async function runSteps(signal: AbortSignal): Promise<RefreshSummary> {
    const summary = await runPipeline(
      deps.store,
      {
        listeners: pipelineDefaults.listeners,
        seed: pipelineDefaults.seed,
        ratingsMode: pipelineDefaults.ratingsMode,
        catalogPath: deps.catalogPath,
        signal,
        onProgress: (progress) => deps.events.emit('pipeline:progress', progress),
      },
      {
        crawl: (store, report) => crawlOrSkip(deps, store, report, signal),
        train: (store, report) =>
          trainForRefresh(
            {
              store,
              live: deps.models,
              events: deps.events,
              options: deps.settings.modelOptions(),
              train: deps.train,
            },
            report,
            signal,
          ),
      },
    );
    return {
      catalog: summary.catalog,
      crawl: summary.crawl ?? 'skipped',
      ratingsWritten: summary.ratings.ratingsWritten,
      training: summary.training ?? 'no-ratings',
      seconds: summary.seconds,
    };
  }

  return {
    async run() {
      if (running !== undefined)
        return {
          ok: false,
          error: toApiError(new ServiceError('busy', 'A refresh is already running.')),
        };
      const controller = new AbortController();
      running = controller;
      announce(true);
      let result: Result<RefreshSummary>;
      try {
        result = { ok: true, value: await runSteps(controller.signal) };
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'internal') deps.onInternalError?.(error);
        result = { ok: false, error: apiError };
      } finally {
        // Each step commits on its own: whatever landed must be visible to the next round.
        deps.service.catalogChanged();
        running = undefined;
        announce(false);
      }
      for (const listener of finishedListeners) listener(result);
      return result;
    },
    cancel() {
      if (running === undefined) return { cancelled: false };
      running.abort();
      return { cancelled: true };
    },
    isRunning: () => running !== undefined,
    onRunningChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFinished(listener) {
      finishedListeners.add(listener);
      return () => finishedListeners.delete(listener);
    },
  };
}
