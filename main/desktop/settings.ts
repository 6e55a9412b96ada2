import type {
  DesktopMethodName,
  DesktopRequestOf,
  DesktopResponseOf,
  DesktopSettings,
  ModelParameters,
  Result,
} from '../core/contract/index.ts';
import { appModelOptions } from '../core/app/model-settings.ts';
import { readPreferences } from '../core/app/preferences.ts';
import { toApiError } from '../core/app/service-error.ts';
import type { SvdOptions } from '../core/recommender/algorithms/svd-options.ts';
import { retryWhileBusy } from '../core/store/busy.ts';
import type { Store } from '../core/store/store.ts';
import type { CredentialsRead, CredentialVault } from './credentials.ts';
import { parseDesktopRequest, parseModelParametersRequest } from './settings-guards.ts';

/** The desktop methods this service answers; Refresh data has its own (refresh.ts). */
export type SettingsMethod = Exclude<DesktopMethodName, 'refreshData' | 'cancelRefresh'>;

const sourcesKey = 'spotify.sources';
const modelKey = 'model.parameters';

export const defaultModelParameters: ModelParameters = {
  factors: appModelOptions.factors ?? 20,
  epochs: appModelOptions.epochs ?? 100,
  learningRate: appModelOptions.learningRate ?? 0.01,
  regularization: appModelOptions.regularization ?? 0.05,
};

export interface SettingsDeps {
  readonly store: Store;
  readonly vault: CredentialVault;
  /** Called after the model parameters changed: the model should be retrained. */
  readonly onModelParametersChanged?: () => void;
  readonly onInternalError?: (error: unknown) => void;
}

/** The desktop settings: preferences, Spotify (credentials in the vault) and the model. */
export interface SettingsService {
  /** One request from an untrusted caller, validated, answered as a `Result`. */
  handle<K extends SettingsMethod>(
    method: K,
    request: unknown,
  ): Promise<Result<DesktopResponseOf<K>>>;
  read(): DesktopSettings;
  spotifySources(): readonly string[];
  /** Main process only: the clear credentials, for the crawl. */
  spotifyCredentials(): Promise<CredentialsRead>;
  /** What the app trains: its tuned options with the user's parameters over them. */
  modelOptions(): SvdOptions;
}

function storedSources(store: Store): readonly string[] {
  const stored = store.settings.get(sourcesKey);
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

/** Stored parameters, each one checked again: a value out of range falls back to its default. */
function storedModelParameters(store: Store): ModelParameters {
  const stored = store.settings.get(modelKey);
  const result = { ...defaultModelParameters };
  if (typeof stored !== 'object' || stored === null) return result;
  for (const name of Object.keys(result) as (keyof ModelParameters)[]) {
    try {
      const value = parseModelParametersRequest({ [name]: (stored as ModelParameters)[name] })[
        name
      ];
      if (value !== undefined) result[name] = value;
    } catch {
      // A hand-edited or older value: the default stands.
    }
  }
  return result;
}

/** What the app trains: its tuned options with the user's parameters over them. */
export function readModelOptions(store: Store): SvdOptions {
  return { ...appModelOptions, ...storedModelParameters(store) };
}

type Handlers = {
  [K in SettingsMethod]: (request: DesktopRequestOf<K>) => Promise<DesktopResponseOf<K>>;
};

export function createSettingsService(deps: SettingsDeps): SettingsService {
  const { store, vault } = deps;
  const read = (): DesktopSettings => ({
    preferences: readPreferences(store),
    spotify: { hasSpotifyCredentials: vault.has(), sources: storedSources(store) },
    model: storedModelParameters(store),
  });
  const handlers: Handlers = {
    getSettings: () => Promise.resolve(read()),
    async setSpotifyCredentials(request) {
      await vault.write(request);
      return { hasSpotifyCredentials: true };
    },
    clearSpotifyCredentials() {
      vault.clear();
      return Promise.resolve({ hasSpotifyCredentials: false });
    },
    setSpotifySources(request) {
      store.settings.set(sourcesKey, request.sources);
      return Promise.resolve({ sources: request.sources });
    },
    setModelParameters(request) {
      const before = storedModelParameters(store);
      const next = { ...before, ...request };
      store.settings.set(modelKey, next);
      if (JSON.stringify(next) !== JSON.stringify(before)) deps.onModelParametersChanged?.();
      return Promise.resolve(next);
    },
  };
  // Each handler gets the request its own parser returned: the pairing holds by construction.
  const answer = handlers as Record<SettingsMethod, (request: unknown) => Promise<unknown>>;

  return {
    async handle(method, request) {
      try {
        const parsed = parseDesktopRequest(method, request);
        // Another process may be writing: wait on timers, never blocking the window.
        const value = (await retryWhileBusy(() => answer[method](parsed))) as DesktopResponseOf<
          typeof method
        >;
        return { ok: true, value };
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'internal') deps.onInternalError?.(error);
        return { ok: false, error: apiError };
      }
    },
    read,
    spotifySources: () => storedSources(store),
    spotifyCredentials: () => vault.read(),
    modelOptions: () => readModelOptions(store),
  };
}
