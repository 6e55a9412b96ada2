/**
 * The desktop's own methods in memory, beside a {@link FakeEarshot} (its events, its call log,
 * its injected failures): settings with write-only credentials, sources and model parameters
 * checked by the contract's schemas as the main process checks them, and a Refresh data that
 * runs until the test finishes it or the page cancels it.
 */
import type {
  DesktopApi,
  EarshotApi,
  ModelParameters,
  RefreshSummary,
  Result,
} from '../../main/core/contract/index.ts';
import type { AnyEventName, AnyEvents, FakeEarshot } from './fake-earshot-api.ts';

export const refreshSummary: RefreshSummary = {
  catalog: { inserted: 12, updated: 735 },
  crawl: 'done',
  ratingsWritten: 3400,
  training: 'trained',
  seconds: 14.2,
};

export class FakeDesktop {
  /** What the "main process" was given: the test checks the secret went there and only there. */
  credentials: { clientId: string; clientSecret: string } | null = null;
  sources: string[] = [];
  model: ModelParameters = { factors: 20, epochs: 100, learningRate: 0.01, regularization: 0.05 };
  #finishRefresh: ((result: Result<RefreshSummary>) => void) | null = null;
  readonly #earshot: FakeEarshot;

  constructor(earshot: FakeEarshot) {
    this.#earshot = earshot;
  }

  /** Both faces in one object, as the desktop preload exposes them as `window.earshot`. */
  bridge(): EarshotApi & DesktopApi {
    return {
      ...this.#earshot.api,
      ...this.api,
      on: <E extends AnyEventName>(event: E, listener: (payload: AnyEvents[E]) => void) =>
        this.#earshot.subscribe(event, listener),
    } satisfies EarshotApi & DesktopApi;
  }

  get isRefreshing(): boolean {
    return this.#finishRefresh !== null;
  }

  /** Ends the running refresh: `pipeline:finished` first, then the answer, as over IPC. */
  finishRefresh(result: Result<RefreshSummary> = { ok: true, value: refreshSummary }): void {
    const finish = this.#finishRefresh;
    this.#finishRefresh = null;
    finish?.(result);
  }

  /** How often the page said it listens (`ready`). */
  readyCalls = 0;

  readonly api: DesktopApi = {
    getSettings: () =>
      this.#earshot.answerDesktop('getSettings', undefined, () => ({
        preferences: this.#earshot.preferences,
        spotify: { hasSpotifyCredentials: this.credentials !== null, sources: this.sources },
        model: this.model,
      })),
    setSpotifyCredentials: (request) =>
      this.#earshot.answerDesktop('setSpotifyCredentials', request, (checked) => {
        this.credentials = { ...checked };
        return { hasSpotifyCredentials: true };
      }),
    clearSpotifyCredentials: () =>
      this.#earshot.answerDesktop('clearSpotifyCredentials', undefined, () => {
        this.credentials = null;
        return { hasSpotifyCredentials: false };
      }),
    setSpotifySources: (request) =>
      this.#earshot.answerDesktop('setSpotifySources', request, ({ sources }) => {
        this.sources = [...sources];
        return { sources: this.sources };
      }),
    setModelParameters: (request) =>
      this.#earshot.answerDesktop('setModelParameters', request, (change) => {
        this.model = { ...this.model, ...change };
        return this.model;
      }),
    refreshData: async () => {
      if (this.#finishRefresh !== null)
        return { ok: false, error: { code: 'busy', message: 'A refresh is already running.' } };
      this.#earshot.calls.push({ method: 'refreshData', request: undefined });
      const result = await new Promise<Result<RefreshSummary>>((resolve) => {
        this.#finishRefresh = (outcome) => {
          this.#earshot.emit('pipeline:finished', outcome);
          resolve(outcome);
        };
        this.#earshot.emit('pipeline:progress', {
          step: 'catalog',
          status: 'started',
          message: 'Loading the catalog',
        });
      });
      return result;
    },
    cancelRefresh: () =>
      this.#earshot.answerDesktop('cancelRefresh', undefined, () => {
        const isRunning = this.#finishRefresh !== null;
        this.finishRefresh({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
        return { cancelled: isRunning };
      }),
    on: (event, listener) => this.#earshot.subscribe(event, listener),
    ready: () => {
      this.readyCalls += 1;
    },
  };
}
