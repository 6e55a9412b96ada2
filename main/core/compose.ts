import { createAppService } from './app/app-service.ts';
import type { AppService } from './app/app-service.ts';
import { bootstrapStore } from './app/bootstrap.ts';
import { EventHub } from './app/event-hub.ts';
import { ModelManager } from './app/model-manager.ts';
import { readModelOptions } from './app/model-parameters.ts';
import type { SvdOptions } from './recommender/algorithms/svd-options.ts';
import type { trainInWorker } from './recommender/training/train-in-worker.ts';
import { interactiveBusyTimeoutMs } from './store/busy.ts';
import { SpotifyAccount } from './spotify/account/spotify-account.ts';
import type { TokenVault } from './spotify/account/account-tokens.ts';
import { openStore } from './store/store.ts';
import type { Store } from './store/store.ts';

/**
 * The database: a file to open (it must exist unless `create`), or a store the face opened
 * itself (the CLI does, to apply its own lock wait and say when it created a file). Either way
 * the composition owns it from here and closes it.
 */
export type ComposeDatabase =
  | { readonly database: string; readonly create?: boolean; readonly store?: undefined }
  | { readonly store: Store; readonly database?: undefined };

export type ComposeOptions = ComposeDatabase & ComposeExtras;

export interface ComposeExtras {
  /** The embedded catalog file; the checkout's by default (a packaged app has its own). */
  readonly catalogPath?: string;
  /**
   * Fill an empty database with the embedded catalog and simulated listeners (default true).
   * `earshot pipeline` says false: loading them is its own first step, and it reports it.
   */
  readonly bootstrap?: boolean;
  /** False for a short-lived process: rating changes schedule no retrain it would not finish. */
  readonly retrainOnChange?: boolean;
  /** Told about unexpected errors; the face decides where they are logged. */
  readonly onInternalError?: (error: unknown) => void;
  /** The trainer; a worker thread unless a test injects another. */
  readonly train?: typeof trainInWorker;
  /**
   * A window or a browser is waiting on every answer (default false): once the first-run data
   * is in, a statement never blocks on another process's lock for more than a few milliseconds,
   * and the app service waits for the lock on timers instead.
   */
  readonly interactive?: boolean;
  /**
   * Where this face keeps a Spotify sign-in (the desktop's safeStorage, the CLI's token file);
   * without one, the account's methods answer `not-configured`.
   */
  readonly spotifyVault?: (store: Store) => TokenVault;
  /** Opens Spotify's consent page in the system browser; without, the page opens it. */
  readonly openBrowser?: (url: string) => Promise<void> | void;
}

/** The core as every face uses it. Nothing has started: the face calls `models.start()`. */
export interface Earshot {
  readonly store: Store;
  readonly events: EventHub;
  readonly models: ModelManager;
  readonly service: AppService;
  /** The listener's Spotify account, when the face gave a vault for it. */
  readonly spotifyAccount: SpotifyAccount | undefined;
  /** True when this launch filled an empty database (the face may say so). */
  readonly bootstrapped: boolean;
  /** What the app trains, read at each training: the tuned options and the user's parameters. */
  modelOptions(): SvdOptions;
  /** Cancels training and closes the database. */
  close(): void;
}

/**
 * The one composition of the core: the store, its first-run data, the model manager and the
 * app service over one event hub. The desktop app, `earshot serve`, `earshot recommend` and
 * `earshot pipeline` all build it here, so they open the same database the same way and train
 * the same model with the same options; each face keeps only its own concerns around it.
 */
export function composeEarshot(options: ComposeOptions): Earshot {
  const store = options.store ?? openStore(options.database, { create: options.create ?? false });
  try {
    const bootstrapped =
      options.bootstrap === false ? false : bootstrapStore(store, options.catalogPath);
    if (options.interactive === true) store.setBusyTimeout(interactiveBusyTimeoutMs);
    const events = new EventHub();
    const modelOptions = (): SvdOptions => readModelOptions(store);
    const models = new ModelManager({
      store,
      events,
      options: modelOptions,
      ...(options.retrainOnChange === undefined
        ? {}
        : { retrainOnChange: options.retrainOnChange }),
      ...(options.train ? { train: options.train } : {}),
    });
    const spotifyAccount = options.spotifyVault
      ? new SpotifyAccount({
          store,
          vault: options.spotifyVault(store),
          openBrowser: options.openBrowser,
        })
      : undefined;
    const service = createAppService({
      store,
      models,
      events,
      ...(spotifyAccount ? { spotifyAccount } : {}),
      ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    });
    return {
      store,
      events,
      models,
      service,
      spotifyAccount,
      bootstrapped,
      modelOptions,
      close() {
        spotifyAccount?.close();
        models.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
