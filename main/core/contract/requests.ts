/** What the core's methods take. Each type is what a handler receives, once checked. */
import { numberIn, optionalRequest, strictRequest, trackId, trackIds } from './checks.ts';
import { limits } from './limits.ts';
import { ratingStrategy } from './views.ts';
import { z } from './zod.ts';

export const songsToRateRequest = optionalRequest({
  /** Default: `preferences.songsToRate`. */
  count: numberIn(limits.songsToRate).optional(),
  strategy: ratingStrategy.optional(),
  /** Track ids already on screen, never offered again in this round. */
  exclude: trackIds.optional(),
});
export type SongsToRateRequest = z.output<typeof songsToRateRequest>;

export const songRating = strictRequest({
  trackId,
  /** Whole stars. */
  stars: numberIn(limits.stars),
});
export type SongRating = z.output<typeof songRating>;

export const skipRequest = strictRequest({
  /** The song the listener does not know. */
  trackId,
  /** Songs on screen, never the replacement. */
  exclude: trackIds.default([]),
  /** Songs on screen already rated, not yet submitted: the `adaptive` strategy looks near them. */
  rated: z
    .array(songRating, { error: `must be a list of at most ${limits.songsToRate.max} ratings` })
    .max(limits.songsToRate.max, {
      error: `must be a list of at most ${limits.songsToRate.max} ratings`,
    })
    .default([]),
});
export type SkipRequest = z.output<typeof skipRequest>;

const ratingsError = `must be a list of ${limits.songsToRate.min} to ${limits.songsToRate.max} ratings`;
export const submitRatingsRequest = strictRequest({
  ratings: z
    .array(songRating, { error: ratingsError })
    .min(limits.songsToRate.min, { error: ratingsError })
    .max(limits.songsToRate.max, { error: ratingsError })
    .readonly(),
});
export type SubmitRatingsRequest = z.output<typeof submitRatingsRequest>;

export const recommendRequest = optionalRequest({
  /** Default: `preferences.recommendations`. */
  count: numberIn(limits.recommendations).optional(),
});
export type RecommendRequest = z.output<typeof recommendRequest>;

/** A change of preferences: the fields given replace the saved ones. */
export const preferencesRequest = optionalRequest({
  songsToRate: numberIn(limits.songsToRate).optional(),
  recommendations: numberIn(limits.recommendations).optional(),
  strategy: ratingStrategy.optional(),
  diversity: numberIn(limits.diversity).optional(),
});
export type PreferencesRequest = z.output<typeof preferencesRequest>;

/** "Not interested" in a pick: it is never picked again and counts as a mild dislike. */
export const notInterestedRequest = strictRequest({ trackId });
export type NotInterestedRequest = z.output<typeof notInterestedRequest>;

const historyFilesError = `must be a list of 1 to ${limits.historyFiles.max} files, each { name, text }`;
/** A listening-history file as the page read it: its name (for messages) and its text. */
export const historyFile = strictRequest({
  name: z.string({ error: 'must be the file name' }).min(1).max(255),
  text: z.string({ error: 'must be the text of the file' }),
});
export const historyImportRequest = strictRequest({
  files: z
    .array(historyFile, { error: historyFilesError })
    .min(1, { error: historyFilesError })
    .max(limits.historyFiles.max, { error: historyFilesError })
    .readonly(),
  /** Import the good entries and leave out the bad ones, instead of importing nothing. */
  skipBad: z.boolean({ error: 'must be true or false' }).default(false),
});
export type HistoryImportRequest = z.output<typeof historyImportRequest>;
