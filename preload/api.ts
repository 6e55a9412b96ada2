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
