/**
 * The desktop's own methods in memory, beside a {@link FakeEarshot} (its events, its call log,
 * its injected failures): settings with write-only credentials, sources and model parameters
 * validated as the main process words its refusals, and a Refresh data that runs until the test
 * finishes it or the page cancels it.
 */
import type {
  DesktopApi,
  EarshotApi,
  ModelParameters,
  RefreshSummary,
  Result,
} from '../../main/core/contract/index.ts';
import { failure } from './fake-earshot-api.ts';
import type { AnyEventName, AnyEvents, FakeEarshot } from './fake-earshot-api.ts';

export const refreshSummary: RefreshSummary = {
  catalog: { inserted: 12, updated: 735 },
  crawl: 'done',
  ratingsWritten: 3400,
  training: 'trained',
  seconds: 14.2,
};

const sourcePattern =
  /^(search:.+|spotify:(album|artist|track|playlist):\w+|https:\/\/open\.spotify\.com\/.+)$/;

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

  readonly api: DesktopApi = {
    getSettings: () =>
      this.#earshot.answer('getSettings', undefined, () => ({
        preferences: this.#earshot.preferences,
        spotify: { hasSpotifyCredentials: this.credentials !== null, sources: this.sources },
        model: this.model,
      })),
    setSpotifyCredentials: (request) =>
      this.#earshot.answer('setSpotifyCredentials', request, () => {
        for (const name of ['clientId', 'clientSecret'] as const) {
          if (request[name].trim() === '' || /\s/.test(request[name].trim()))
            return failure(
              'invalid-request',
              `${name} must be the text Spotify's developer dashboard shows, without spaces`,
            );
        }
        this.credentials = { ...request };
        return { hasSpotifyCredentials: true };
      }),
    clearSpotifyCredentials: () =>
      this.#earshot.answer('clearSpotifyCredentials', undefined, () => {
        this.credentials = null;
        return { hasSpotifyCredentials: false };
      }),
    setSpotifySources: (request) =>
      this.#earshot.answer('setSpotifySources', request, () => {
        const bad = request.sources.filter((source) => !sourcePattern.test(source));
        if (bad.length > 0)
          return failure(
            'invalid-request',
            bad
              .map((source) => `"${source}": expected a Spotify link, a URI or search:<query>`)
              .join('\n'),
          );
        this.sources = [...new Set(request.sources)];
        return { sources: this.sources };
      }),
    setModelParameters: (request) =>
      this.#earshot.answer('setModelParameters', request, () => {
        const { factors } = request;
        if (factors !== undefined && !(Number.isInteger(factors) && factors >= 1 && factors <= 200))
          return failure('invalid-request', 'factors must be a whole number from 1 to 200');
        this.model = { ...this.model, ...request };
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
      this.#earshot.answer('cancelRefresh', undefined, () => {
        const isRunning = this.#finishRefresh !== null;
        this.finishRefresh({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
        return { cancelled: isRunning };
      }),
    on: (event, listener) => this.#earshot.subscribe(event, listener),
  };
}
