import type {
  DesktopApi,
  EarshotApi,
  EarshotEvents,
  RefreshSummary,
  Result,
} from '../../../../preload/api.ts';

export type PipelineProgress = EarshotEvents['pipeline:progress'];

export interface RefreshHooks {
  /** After a refresh that succeeded: the catalog and the model may have changed. */
  readonly onRefreshed?: (summary: RefreshSummary) => void;
}

/**
 * Refresh data as the window follows it, whoever started it (the menu or the Settings dialog):
 * `pipeline:progress` while it runs, then how it ended from `pipeline:finished` until dismissed.
 */
export class RefreshProgress {
  /** The latest step reported by the running (or the last) refresh. */
  progress = $state.raw<PipelineProgress | null>(null);
  /** How the last refresh ended; `null` while one runs. */
  outcome = $state.raw<Result<RefreshSummary> | null>(null);
  isCancelling = $state(false);

  readonly isRunning = $derived(this.progress !== null && this.outcome === null);
  readonly isVisible = $derived(this.progress !== null || this.outcome !== null);
  /** Share of the current step done, 0 to 1, when the step says how far it is. */
  readonly fraction = $derived(fractionOf(this.progress));
  /** The desktop window can start and cancel a refresh; the browser only watches. */
  readonly canControl: boolean;

  readonly #desktop: DesktopApi | null;
  readonly #hooks: RefreshHooks;
  readonly #unsubscribe: (() => void)[];
  /** Counts the runs seen, so that one run's end (event and answer both) is taken once. */
  #run = 0;
  #finishedRun = 0;

  constructor(api: EarshotApi, desktop: DesktopApi | null, hooks: RefreshHooks = {}) {
    this.#desktop = desktop;
    this.#hooks = hooks;
    this.canControl = desktop !== null;
    this.#unsubscribe = [
      api.on('pipeline:progress', (progress) => {
        if (!this.isRunning) this.#begin();
        this.progress = progress;
      }),
      desktop?.on('pipeline:finished', (result) => this.#finish(result, this.#run)) ??
        (() => undefined),
    ];
  }

  /** Starts Refresh data (desktop only); the panel shows it at once. */
  async start(): Promise<void> {
    if (this.#desktop === null || this.isRunning) return;
    const run = this.#begin();
    this.progress = { step: 'catalog', status: 'started', message: 'Starting…' };
    const result = await this.#desktop.refreshData();
    // `busy`: a refresh was already running; its own progress and end are on their way.
    if (!result.ok && result.error.code === 'busy') return;
    this.#finish(result, run);
  }

  /** Asks the running refresh to stop; it ends as `cancelled` at its next check. */
  async cancel(): Promise<void> {
    if (this.#desktop === null || !this.isRunning || this.isCancelling) return;
    this.isCancelling = true;
    const result = await this.#desktop.cancelRefresh();
    if (!result.ok || !result.value.cancelled) this.isCancelling = false;
  }

  /** Hides the outcome of a finished refresh. */
  dismiss(): void {
    if (this.isRunning) return;
    this.progress = null;
    this.outcome = null;
  }

  dispose(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  #begin(): number {
    this.#run += 1;
    this.outcome = null;
    this.isCancelling = false;
    return this.#run;
  }

  #finish(result: Result<RefreshSummary>, run: number): void {
    if (this.#finishedRun === run) return;
    this.#finishedRun = run;
    this.outcome = result;
    this.isCancelling = false;
    if (result.ok) this.#hooks.onRefreshed?.(result.value);
  }
}

function fractionOf(progress: PipelineProgress | null): number | null {
  if (progress === null) return null;
  if (progress.status === 'done' || progress.status === 'skipped') return 1;
  const { done, total } = progress;
  if (done === undefined || total === undefined || total <= 0) return null;
  return Math.min(1, Math.max(0, done / total));
}
