/**
 * The contract of search to rate, "Your ratings", Start over's undo and the round in progress:
 * what those methods take and answer (see methods.ts).
 */
import { numberIn, optionalRequest, strictRequest, trackId } from './checks.ts';
import { limits } from './limits.ts';
import { trackView } from './views.ts';
import { z } from './zod.ts';

const queryError = `must be text of at most ${limits.searchQuery.max} characters`;
const queryText = z
  .string({ error: queryError })
  .max(limits.searchQuery.max, { error: queryError })
  .transform((text) => text.trim());

export const searchTracksRequest = strictRequest({
  /** Words that start words of the title or the artists, in any case, with or without accents. */
  query: queryText,
  /** Default 8. */
  limit: numberIn(limits.searchResults).default(8),
});
export type SearchTracksRequest = z.output<typeof searchTracksRequest>;

/** A song with the listener's stars for it: `null` while they have not rated it. */
export const ratedTrack = z.object({
  track: trackView,
  stars: z.number().nullable(),
});
export type RatedTrack = z.infer<typeof ratedTrack>;

export const searchTracksResponse = z.object({ results: z.array(ratedTrack).readonly() });
export type SearchTracksResponse = z.infer<typeof searchTracksResponse>;

export const ratingSort = z.enum(['recent', 'stars', 'title', 'artist'], {
  error: 'must be "recent", "stars", "title" or "artist"',
});
export type RatingSortName = z.infer<typeof ratingSort>;

export const listRatingsRequest = optionalRequest({
  /** Only ratings of songs whose title or artists match (as {@link searchTracksRequest}). */
  query: queryText.optional(),
  /** Default `recent`: the newest first. `stars`: the highest first. */
  sort: ratingSort.optional(),
  offset: z.int({ error: 'must be a whole number from 0' }).min(0).optional(),
  /** Default 50. */
  limit: numberIn(limits.ratingsPage).optional(),
});
export type ListRatingsRequest = z.output<typeof listRatingsRequest>;

export const listedRating = z.object({
  track: trackView,
  /** 1–5; an imported rating may be a half star or finer. */
  stars: z.number(),
  /** Unix seconds. */
  ratedAt: z.number(),
});
export type ListedRatingView = z.infer<typeof listedRating>;

export const listRatingsResponse = z.object({
  ratings: z.array(listedRating).readonly(),
  /** How many of the listener's ratings match the query (all of them without one). */
  total: z.number(),
  /** How many the listener has in all. */
  listenerRatings: z.number(),
  /** Ratings "Start over" set aside, which `undoStartOver` brings back; 0 when none are. */
  setAside: z.number(),
});
export type ListRatingsResponse = z.infer<typeof listRatingsResponse>;

/** One song rated, or rated again, outside a round (search, Your ratings, the terminal). */
export const rateSongRequest = strictRequest({ trackId, stars: numberIn(limits.stars) });
export type RateSongRequest = z.output<typeof rateSongRequest>;

export const rateSongResponse = z.object({
  rating: listedRating,
  listenerRatings: z.number(),
});

export const removeRatingRequest = strictRequest({ trackId });
export type RemoveRatingRequest = z.output<typeof removeRatingRequest>;

export const removeRatingResponse = z.object({
  /** The rating as it was. */
  removed: listedRating,
  listenerRatings: z.number(),
});

export const undoStartOverResponse = z.object({
  restored: z.number(),
  listenerRatings: z.number(),
});

const cardsError = `must be a list of at most ${limits.songsToRate.max} cards, each { trackId, stars }`;
/** The round on screen, so that a reload or a restart deals it again as it was. */
export const saveRoundRequest = strictRequest({
  /** In screen order; `stars` null while unrated. An empty list: no round in progress. */
  cards: z
    .array(strictRequest({ trackId, stars: numberIn(limits.stars).nullable() }), {
      error: cardsError,
    })
    .max(limits.songsToRate.max, { error: cardsError })
    .readonly(),
});
export type SaveRoundRequest = z.output<typeof saveRoundRequest>;

export const roundDraft = z.object({ cards: z.array(ratedTrack).readonly() });
export type RoundDraft = z.infer<typeof roundDraft>;
