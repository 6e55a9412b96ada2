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

/** Why a song is recommended: the rated song that contributed most to its score. */
export const recommendationReason = z.object({ track: trackView, stars: z.number() });
export type RecommendationReason = z.infer<typeof recommendationReason>;

export const recommendationView = z.object({
  track: trackView,
  /** Predicted stars on the 1–5 scale. */
  predictedStars: z.number(),
  reason: recommendationReason.nullable(),
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

export const ratingStrategy = z.enum(['random', 'smart'], {
  error: 'must be "random" or "smart"',
});
export type RatingStrategy = z.infer<typeof ratingStrategy>;

export const preferences = z.object({
  /** Songs offered per rating round (default 5). */
  songsToRate: z.number(),
  /** Recommendations shown (default 3). */
  recommendations: z.number(),
  strategy: ratingStrategy,
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
