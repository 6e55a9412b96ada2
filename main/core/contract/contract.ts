/**
 * THE CONTRACT between Earshot's faces (desktop window, browser, terminal) and its core: every
 * request, response, push event and error code that crosses a process boundary. The main
 * process, the web server and the renderer import these types; nothing re-declares them.
 *
 * Every call resolves to a {@link Result}: expected failures are values with a stable `code`,
 * never thrown strings.
 */

/** Stable error codes. The message is for people; the code is for code. */
export type ErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'no-model'
  | 'nothing-to-rate'
  | 'busy'
  | 'cancelled'
  | 'not-configured'
  | 'unauthorized'
  | 'internal';

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** A song as the screens show it. */
export interface TrackView {
  readonly id: number;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly year: number | null;
  readonly genres: readonly string[];
  /** Cover art, when Spotify gave one; the screens draw a placeholder otherwise. */
  readonly imageUrl: string | null;
  /** The track on Spotify when known, else a Spotify search for it. */
  readonly spotifyUrl: string;
  readonly spotifyUrlIsSearch: boolean;
}

/** Why a song is recommended: the rated song that contributed most to its score. */
export interface RecommendationReason {
  readonly track: TrackView;
  readonly stars: number;
}

export interface RecommendationView {
  readonly track: TrackView;
  /** Predicted stars on the 1–5 scale. */
  readonly predictedStars: number;
  readonly reason: RecommendationReason | null;
}

export type TrainingState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'training';
      readonly epoch: number;
      readonly epochs: number;
      readonly trainRmse: number | null;
    }
  | { readonly status: 'failed'; readonly error: ApiError };

export interface ModelInfo {
  readonly algorithm: string;
  readonly trainedAt: number;
  readonly ratings: number;
  readonly trainRmse: number | null;
}

export type RatingStrategy = 'random' | 'smart';

export interface Preferences {
  /** Songs offered per rating round (default 5). */
  readonly songsToRate: number;
  /** Recommendations shown (default 3). */
  readonly recommendations: number;
  readonly strategy: RatingStrategy;
}

export interface AppState {
  readonly catalog: {
    readonly tracks: number;
    readonly listeners: number;
    readonly ratings: number;
  };
  readonly model: ModelInfo | null;
  readonly training: TrainingState;
  /** How many songs this listener has rated so far (their profile persists across launches). */
  readonly listenerRatings: number;
  readonly preferences: Preferences;
}

export interface SongsToRateRequest {
  /** Default: `preferences.songsToRate`. */
  readonly count?: number;
  readonly strategy?: RatingStrategy;
  /** Track ids already on screen, never offered again in this round. */
  readonly exclude?: readonly number[];
}

export interface SkipRequest {
  /** The song the listener does not know. */
  readonly trackId: number;
  /** Songs on screen, never the replacement. */
  readonly exclude: readonly number[];
}

export interface SongRating {
  readonly trackId: number;
  /** Whole stars, 1 to 5. */
  readonly stars: number;
}

export interface SubmitRatingsRequest {
  readonly ratings: readonly SongRating[];
}

export interface RecommendRequest {
  /** Default: `preferences.recommendations`. */
  readonly count?: number;
}

export interface RecommendResponse {
  readonly recommendations: readonly RecommendationView[];
  /** True when the model had not seen this listener yet and fold-in answered alone. */
  readonly foldedIn: boolean;
}

/** The use-cases, keyed by method name. Each takes one argument (or none) and returns data. */
export interface EarshotHandlers {
  getState: () => AppState;
  songsToRate: (request: SongsToRateRequest) => readonly TrackView[];
  skipSong: (request: SkipRequest) => TrackView;
  submitRatings: (request: SubmitRatingsRequest) => {
    readonly saved: number;
    readonly listenerRatings: number;
  };
  recommend: (request: RecommendRequest) => RecommendResponse;
  startOver: () => { readonly removed: number };
  setPreferences: (request: Partial<Preferences>) => Preferences;
}

export type MethodName = keyof EarshotHandlers;
export type RequestOf<K extends MethodName> =
  Parameters<EarshotHandlers[K]> extends [infer A] ? A : undefined;
export type ResponseOf<K extends MethodName> = ReturnType<EarshotHandlers[K]>;

/** IPC channel (and HTTP path segment) of each method: `domain:verb`, declared only here. */
export const channels = {
  getState: 'app:get-state',
  songsToRate: 'songs:to-rate',
  skipSong: 'songs:skip',
  submitRatings: 'ratings:submit',
  recommend: 'recommend:top',
  startOver: 'listener:start-over',
  setPreferences: 'preferences:set',
} as const satisfies Record<MethodName, `${string}:${string}`>;

/** Pushed from the core to every face. */
export interface EarshotEvents {
  'training:progress': TrainingState;
  'model:ready': ModelInfo;
  'pipeline:progress': {
    readonly step: 'catalog' | 'crawl' | 'ratings' | 'training';
    readonly status: 'started' | 'progress' | 'done' | 'skipped';
    readonly message: string;
    readonly done?: number;
    readonly total?: number;
  };
}

export type EventName = keyof EarshotEvents;

/** What the renderer sees as `window.earshot` (desktop) or its HTTP twin (browser). */
export type EarshotApi = {
  readonly [K in MethodName]: RequestOf<K> extends undefined
    ? () => Promise<Result<ResponseOf<K>>>
    : (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;
} & {
  /** Subscribes to a push event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(
    event: E,
    listener: (payload: EarshotEvents[E]) => void,
  ) => () => void;
};

// ---------------------------------------------------------------------------------------------
// Desktop only. The desktop window's preload exposes `EarshotApi & DesktopApi`; the browser face
// (`earshot serve`) and the terminal expose `EarshotApi` alone, so the app service and the web
// server never implement these. They are served by the main process (settings, Refresh data).
// ---------------------------------------------------------------------------------------------

/** The model the app trains; the other SVD options stay the app's tuned values. */
export interface ModelParameters {
  /** Latent factors k, 1–200. */
  readonly factors: number;
  /** SGD passes, 1–500. */
  readonly epochs: number;
  /** Learning rate γ, greater than 0 and at most 0.1. */
  readonly learningRate: number;
  /** Regularisation λ, 0 to 1. */
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

/** Write-only: the main process encrypts them; no method ever returns them. */
export interface SpotifyCredentialsRequest {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface SpotifySourcesRequest {
  /** Spotify links, URIs or `search:` queries. One bad source refuses the lot (`invalid-request`,
   * its message naming every bad one, one per line). */
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

/** The desktop's own use-cases, keyed by method name, like {@link EarshotHandlers}. */
export interface DesktopHandlers {
  getSettings: () => DesktopSettings;
  setSpotifyCredentials: (request: SpotifyCredentialsRequest) => {
    readonly hasSpotifyCredentials: boolean;
  };
  clearSpotifyCredentials: () => { readonly hasSpotifyCredentials: boolean };
  setSpotifySources: (request: SpotifySourcesRequest) => { readonly sources: readonly string[] };
  setModelParameters: (request: Partial<ModelParameters>) => ModelParameters;
  /** Runs every step; `busy` while another refresh runs, `cancelled` when cancelled. */
  refreshData: () => RefreshSummary;
  /** `cancelled: false` when no refresh was running. */
  cancelRefresh: () => { readonly cancelled: boolean };
}

export type DesktopMethodName = keyof DesktopHandlers;
export type DesktopRequestOf<K extends DesktopMethodName> =
  Parameters<DesktopHandlers[K]> extends [infer A] ? A : undefined;
export type DesktopResponseOf<K extends DesktopMethodName> = ReturnType<DesktopHandlers[K]>;

/** IPC channel of each desktop method: `domain:verb`, declared only here. */
export const desktopChannels = {
  getSettings: 'settings:get',
  setSpotifyCredentials: 'settings:set-spotify-credentials',
  clearSpotifyCredentials: 'settings:clear-spotify-credentials',
  setSpotifySources: 'settings:set-spotify-sources',
  setModelParameters: 'settings:set-model',
  refreshData: 'pipeline:refresh',
  cancelRefresh: 'pipeline:cancel',
} as const satisfies Record<DesktopMethodName, `${string}:${string}`>;

/** Pushed from the main process to the desktop window only. */
export interface DesktopEvents {
  /** The Settings… menu item: the page opens its settings. */
  'settings:open': null;
  /** How a Refresh data ended (whoever started it): its summary, `cancelled`, or the error. */
  'pipeline:finished': Result<RefreshSummary>;
}

export type DesktopEventName = keyof DesktopEvents;

/** What the desktop window's `window.earshot` adds to {@link EarshotApi}. */
export type DesktopApi = {
  readonly [K in DesktopMethodName]: DesktopRequestOf<K> extends undefined
    ? () => Promise<Result<DesktopResponseOf<K>>>
    : (request: DesktopRequestOf<K>) => Promise<Result<DesktopResponseOf<K>>>;
} & {
  /** Subscribes to a desktop push event; returns the unsubscribe function. */
  readonly on: <E extends DesktopEventName>(
    event: E,
    listener: (payload: DesktopEvents[E]) => void,
  ) => () => void;
};
