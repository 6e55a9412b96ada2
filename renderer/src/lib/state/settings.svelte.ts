import { parseDesktopRequest, parseRequest } from '../../../../preload/api.ts';
import type {
  ApiError,
  DesktopApi,
  DesktopSettings,
  EarshotApi,
  ModelParameters,
  Preferences,
  RatingStrategy,
} from '../../../../preload/api.ts';
import { numberFromField, sourcesFromText } from '../settings-fields.ts';
import { FormStatus } from './form-status.svelte.ts';
import { HistoryImportState } from './history-import.svelte.ts';
import { SpotifyAccountState } from './spotify-account.svelte.ts';

/** The Preferences form as typed: numbers stay text until they are sent. */
export interface PreferencesDraft {
  readonly songsToRate: string;
  readonly recommendations: string;
  readonly strategy: RatingStrategy;
  readonly diversity: string;
}

export type ModelDraft = { readonly [K in keyof ModelParameters]: string };

export interface SettingsHooks {
  /** After new preferences are saved, with the ones they replace. */
  readonly onPreferencesSaved?: (now: Preferences, before: Preferences) => void;
}

/**
 * The Settings dialog: the preferences every face has (songs to rate, recommendations, how songs
 * are picked) and, in the desktop window only, Spotify and the model, which the main process
 * keeps. The Spotify secret goes one way: it is sent, never read back, never kept here.
 */
export class SettingsState {
  isOpen = $state(false);
  isLoading = $state(false);
  loadError = $state.raw<ApiError | null>(null);
  preferences = $state.raw<Preferences | null>(null);
  /** Desktop only; `null` in the browser and until loaded. */
  desktop = $state.raw<Omit<DesktopSettings, 'preferences'> | null>(null);

  readonly hasDesktop: boolean;
  readonly preferencesForm = new FormStatus([
    'songsToRate',
    'recommendations',
    'strategy',
    'diversity',
  ]);
  readonly credentialsForm = new FormStatus(['clientId', 'clientSecret']);
  readonly sourcesForm = new FormStatus(['sources']);
  readonly modelForm = new FormStatus(['factors', 'epochs', 'learningRate', 'regularization']);
  /** Listening history in: every face has it. */
  readonly history: HistoryImportState;
  /** The listener's own Spotify account: every face has it. */
  readonly spotify: SpotifyAccountState;

  readonly #api: EarshotApi;
  readonly #desktop: DesktopApi | null;
  readonly #hooks: SettingsHooks;
  readonly #unsubscribe: () => void;

  constructor(api: EarshotApi, desktop: DesktopApi | null, hooks: SettingsHooks = {}) {
    this.#api = api;
    this.history = new HistoryImportState(api);
    this.spotify = new SpotifyAccountState(api);
    this.#desktop = desktop;
    this.#hooks = hooks;
    this.hasDesktop = desktop !== null;
    // The menu's Settings… item.
    this.#unsubscribe = desktop?.on('settings:open', () => void this.open()) ?? (() => undefined);
  }

  /** Shows the dialog with what is saved now; a second call while open does nothing. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    this.isOpen = true;
    for (const form of this.#forms()) form.reset();
    this.history.reset();
    await Promise.all([this.#load(), this.spotify.load()]);
  }

  close(): void {
    this.isOpen = false;
  }

  /** Loads again after a failure to load. */
  async reload(): Promise<void> {
    await this.#load();
  }

  async savePreferences(draft: PreferencesDraft): Promise<boolean> {
    const before = this.preferences;
    const request = {
      songsToRate: numberFromField(draft.songsToRate),
      recommendations: numberFromField(draft.recommendations),
      strategy: draft.strategy,
      diversity: numberFromField(draft.diversity),
    };
    const saved = await this.preferencesForm.save(
      () => this.#api.setPreferences(request),
      parseRequest('setPreferences', request),
    );
    if (saved === undefined) return false;
    this.preferences = saved;
    if (before !== null) this.#hooks.onPreferencesSaved?.(saved, before);
    return true;
  }

  /** Sends the pair to be encrypted by the main process; nothing of it stays here. */
  async saveCredentials(clientId: string, clientSecret: string): Promise<boolean> {
    const desktop = this.#desktop;
    if (desktop === null) return false;
    const request = { clientId, clientSecret };
    const saved = await this.credentialsForm.save(
      () => desktop.setSpotifyCredentials(request),
      parseDesktopRequest('setSpotifyCredentials', request),
    );
    if (saved !== undefined) this.#updateSpotify(saved);
    return saved !== undefined;
  }

  async forgetCredentials(): Promise<boolean> {
    const desktop = this.#desktop;
    if (desktop === null) return false;
    const saved = await this.credentialsForm.save(() => desktop.clearSpotifyCredentials());
    if (saved !== undefined) this.#updateSpotify(saved);
    return saved !== undefined;
  }

  /** Saves the textarea's sources (one a line); the saved list, as the main process kept it. */
  async saveSources(text: string): Promise<readonly string[] | undefined> {
    const desktop = this.#desktop;
    if (desktop === null) return undefined;
    const request = { sources: sourcesFromText(text) };
    const saved = await this.sourcesForm.save(
      () => desktop.setSpotifySources(request),
      parseDesktopRequest('setSpotifySources', request),
    );
    if (saved !== undefined) this.#updateSpotify(saved);
    return saved?.sources;
  }

  /** Saves the model parameters; the main process retrains with them (training:progress). */
  async saveModel(draft: ModelDraft): Promise<boolean> {
    const desktop = this.#desktop;
    if (desktop === null || this.desktop === null) return false;
    const request = {
      factors: numberFromField(draft.factors),
      epochs: numberFromField(draft.epochs),
      learningRate: numberFromField(draft.learningRate),
      regularization: numberFromField(draft.regularization),
    };
    const saved = await this.modelForm.save(
      () => desktop.setModelParameters(request),
      parseDesktopRequest('setModelParameters', request),
    );
    if (saved !== undefined && this.desktop !== null)
      this.desktop = { ...this.desktop, model: saved };
    return saved !== undefined;
  }

  dispose(): void {
    this.#unsubscribe();
    this.spotify.dispose();
  }

  async #load(): Promise<void> {
    this.isLoading = true;
    this.loadError = null;
    if (this.#desktop !== null) {
      const result = await this.#desktop.getSettings();
      if (result.ok) {
        const { preferences, ...desktop } = result.value;
        this.preferences = preferences;
        this.desktop = desktop;
      } else this.loadError = result.error;
    } else {
      const result = await this.#api.getState();
      if (result.ok) this.preferences = result.value.preferences;
      else this.loadError = result.error;
    }
    this.isLoading = false;
  }

  #updateSpotify(change: Partial<DesktopSettings['spotify']>): void {
    if (this.desktop === null) return;
    this.desktop = { ...this.desktop, spotify: { ...this.desktop.spotify, ...change } };
  }

  #forms(): FormStatus<string>[] {
    return [this.preferencesForm, this.credentialsForm, this.sourcesForm, this.modelForm];
  }
}
