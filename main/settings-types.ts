/**
 * The desktop-only requests behind the Settings page and Refresh data, written as the contract
 * writes its own so that the lead can move them into preload/api.ts unchanged (and then delete
 * this file, importing them from there). Until then they are served by the menu only: no IPC
 * channel exists for them, because channels are declared in the contract alone.
 */
import type { Preferences } from '../preload/api.ts';

/** The model the app trains; the rest of the SVD options stay the app's tuned values. */
export interface ModelParameters {
  /** Latent factors k, 1–200. */
  readonly factors: number;
  /** SGD passes, 1–500. */
  readonly epochs: number;
  /** γ, greater than 0 and at most 0.1. */
  readonly learningRate: number;
  /** λ, 0 to 1. */
  readonly regularization: number;
}

export interface DesktopSettings {
  readonly preferences: Preferences;
  readonly spotify: {
    /** Whether a client id and secret are saved; the values themselves never leave main. */
    readonly hasSpotifyCredentials: boolean;
    /** What Refresh data crawls, as the user typed it (links, URIs, `search:` queries). */
    readonly sources: readonly string[];
  };
  readonly model: ModelParameters;
}

export interface SpotifyCredentialsRequest {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface SpotifySourcesRequest {
  readonly sources: readonly string[];
}

/** What one Refresh data did. */
export interface RefreshSummary {
  readonly catalog: { readonly inserted: number; readonly updated: number };
  /** `skipped` without Spotify credentials, sources or a crawler. */
  readonly crawl: 'done' | 'skipped';
  readonly ratingsWritten: number;
  readonly training: 'trained' | 'up-to-date' | 'no-ratings';
  readonly seconds: number;
}

/** The proposed additions to `EarshotHandlers`. */
export interface DesktopHandlers {
  getSettings: () => DesktopSettings;
  setSpotifyCredentials: (request: SpotifyCredentialsRequest) => {
    readonly hasSpotifyCredentials: boolean;
  };
  clearSpotifyCredentials: () => { readonly hasSpotifyCredentials: boolean };
  setSpotifySources: (request: SpotifySourcesRequest) => { readonly sources: readonly string[] };
  setModelParameters: (request: Partial<ModelParameters>) => ModelParameters;
  refreshData: () => RefreshSummary;
  cancelRefresh: () => { readonly cancelled: boolean };
}

export type SettingsMethod = Exclude<keyof DesktopHandlers, 'refreshData' | 'cancelRefresh'>;
export type DesktopResponseOf<K extends keyof DesktopHandlers> = ReturnType<DesktopHandlers[K]>;
