/** What the core answers with: the data the screens and the terminal show. */
import { apiError } from './errors.ts';
import { z } from './zod.ts';

/** A song as the screens show it. */
export const trackView = z.object({
  id: z.number(),
  title: z.string(),
  artists: z.array(z.string()).readonly(),
  album: z.string().nullable(),
  year: z.number().nullable(),
  genres: z.array(z.string()).readonly(),
  /** Cover art, when Spotify gave one; the screens draw a placeholder otherwise. */
  imageUrl: z.string().nullable(),
  /** The track on Spotify when known, else a Spotify search for it. */
  spotifyUrl: z.string(),
  spotifyUrlIsSearch: z.boolean(),
});
export type TrackView = z.infer<typeof trackView>;

/**
 * Why a song is picked: a song the listener liked that pushed it up ("because you liked X"), a
 * song their listening history says they play often ("because you often play X"), a part of
 * their taste start ("because you like folk"), or a song they disliked whose pull away from its
 * neighbours drives the pick ("…and you didn't like Y"). A 3-star, disliked or once-played song
 * is never given as a "because".
 */
export const recommendationReason = z.object({
  kind: z.enum(['liked', 'played', 'likedTrait', 'disliked']),
  /** The song cited; for `likedTrait`, the best-known song of the taste that pushed most. */
  track: trackView,
  /**
   * The listener's stars; null for a song they marked "not interested" or only played, and for
   * a `likedTrait` reason's song.
   */
  stars: z.number().nullable(),
  /** How often they played a `played` song; null otherwise. */
  plays: z.number().nullable(),
  /** The liked genre, artist or decade a `likedTrait` reason names ("folk"); null otherwise. */
  trait: z.string().nullable(),
  /** Genres the pick shares with this song, in the pick's order. */
  sharedGenres: z.array(z.string()).readonly(),
  /** This song's exact term in the ranking model's score for the pick. */
  contribution: z.number(),
});
export type RecommendationReason = z.infer<typeof recommendationReason>;

/** How sure the model is about a pick, with a sentence a listener understands. */
export const pickConfidence = z.object({
  level: z.enum(['high', 'medium', 'low']),
  label: z.string(),
});
export type PickConfidence = z.infer<typeof pickConfidence>;

export const recommendationView = z.object({
  track: trackView,
  /** Expected stars on the 1–5 scale: SVD's estimate, calibrated on held-out ratings. */
  predictedStars: z.number(),
  confidence: pickConfidence,
  /** Up to two, the strongest first; empty when nothing the listener told speaks for the pick. */
  reasons: z.array(recommendationReason).readonly(),
});
export type RecommendationView = z.infer<typeof recommendationView>;

export const recommendResponse = z.object({
  recommendations: z.array(recommendationView).readonly(),
  /** True when the model had not seen this listener yet and fold-in answered alone. */
  foldedIn: z.boolean(),
});
export type RecommendResponse = z.infer<typeof recommendResponse>;

export const trainingState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle') }),
  z.object({
    status: z.literal('training'),
    epoch: z.number(),
    epochs: z.number(),
    trainRmse: z.number().nullable(),
  }),
  z.object({ status: z.literal('failed'), error: apiError }),
]);
export type TrainingState = z.infer<typeof trainingState>;

export const modelInfo = z.object({
  algorithm: z.string(),
  trainedAt: z.number(),
  ratings: z.number(),
  trainRmse: z.number().nullable(),
});
export type ModelInfo = z.infer<typeof modelInfo>;

/**
 * How a round's songs are chosen: `random` (the original), `smart` (well-known songs that split
 * opinion), `entropy` (Rashid et al.'s popularity × entropy) or `adaptive` (songs the listener
 * likely knows, given what they rated and did not know; the default, see the README).
 */
export const ratingStrategy = z.enum(['random', 'smart', 'entropy', 'adaptive'], {
  error: 'must be "random", "smart", "entropy" or "adaptive"',
});
export type RatingStrategy = z.infer<typeof ratingStrategy>;

export const preferences = z.object({
  /** Songs offered per rating round (default 5). */
  songsToRate: z.number(),
  /** Recommendations shown (default 3). */
  recommendations: z.number(),
  strategy: ratingStrategy,
  /** Variety among the picks, 0 (closest to your taste) to 1 (most varied); default 0.1. */
  diversity: z.number(),
});
export type Preferences = z.infer<typeof preferences>;

export const appState = z.object({
  catalog: z.object({ tracks: z.number(), listeners: z.number(), ratings: z.number() }),
  model: modelInfo.nullable(),
  training: trainingState,
  /** How many songs this listener has rated so far (their profile persists across launches). */
  listenerRatings: z.number(),
  preferences,
});
export type AppState = z.infer<typeof appState>;

const counts = z.object({ recordings: z.number(), plays: z.number() });

/** What a listening-history import did (see the README's "Your data in"). */
export const historyImportSummary = z.object({
  files: z
    .array(
      z.object({
        file: z.string(),
        /** spotify-extended, spotify-account, lastfm or listenbrainz. */
        format: z.string(),
        plays: z.number(),
        /** Bad entries left out (only when the request said `skipBad`). */
        skipped: z.number(),
      }),
    )
    .readonly(),
  plays: z.number(),
  /** Podcast episodes, audiobooks and unknown tracks, left out. */
  notMusic: z.number(),
  recordings: z.number(),
  matched: counts,
  /** Kept so that a crawl can find them. */
  unmatched: counts,
  /** Songs that now carry a listening signal. */
  tracks: z.number(),
});
export type HistoryImportSummary = z.infer<typeof historyImportSummary>;
