import { parseDesktopRequest } from '../core/contract/index.ts';
import type {
  DesktopMethodName,
  DesktopResponseOf,
  DesktopSettings,
  ParsedDesktopRequestOf,
  Result,
} from '../core/contract/index.ts';
import {
  readModelOptions,
  readModelParameters,
  writeModelParameters,
} from '../core/app/model-parameters.ts';
import { readPreferences } from '../core/app/preferences.ts';
import { toApiError } from '../core/app/service-error.ts';
import type { SvdOptions } from '../core/recommender/algorithms/svd-options.ts';
import { retryWhileBusy } from '../core/store/busy.ts';
import type { Store } from '../core/store/store.ts';
import type { CredentialsRead, CredentialVault } from './credentials.ts';

/** The desktop methods this service answers; Refresh data has its own (refresh.ts). */
export type SettingsMethod = Exclude<DesktopMethodName, 'refreshData' | 'cancelRefresh'>;

const sourcesKey = 'spotify.sources';

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

type Handlers = {
  [K in SettingsMethod]: (request: ParsedDesktopRequestOf<K>) => Promise<DesktopResponseOf<K>>;
};

export function createSettingsService(deps: SettingsDeps): SettingsService {
  const { store, vault } = deps;
  const read = (): DesktopSettings => ({
    preferences: readPreferences(store),
    spotify: { hasSpotifyCredentials: vault.has(), sources: storedSources(store) },
    model: readModelParameters(store),
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
      const { parameters, changed } = writeModelParameters(store, request);
      if (changed) deps.onModelParametersChanged?.();
      return Promise.resolve(parameters);
    },
  };
  // Each handler gets the request its own schema returned: the pairing holds by construction.
  const answer = handlers as Record<SettingsMethod, (request: unknown) => Promise<unknown>>;

  return {
    async handle(method, request) {
      const parsed = parseDesktopRequest(method, request);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        // Another process may be writing: wait on timers, never blocking the window.
        const value = (await retryWhileBusy(() =>
          answer[method](parsed.value),
        )) as DesktopResponseOf<typeof method>;
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
