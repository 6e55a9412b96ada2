/**
 * The history of picks and playlists out: what `pickSets`, `pickSet` and `exportPlaylist` take
 * and answer (see main/core/app/pick-sets/ and main/core/export/playlists/).
 */
import { numberIn, optionalRequest, strictRequest } from './checks.ts';
import { limits } from './limits.ts';
import { recommendationView, trackView } from './views.ts';
import { z } from './zod.ts';

const pickSetIdError = 'must be the id of a past set of picks (a whole number from 1)';
const pickSetId = z.int({ error: pickSetIdError }).min(1, { error: pickSetIdError });

export const pickSetsRequest = optionalRequest({
  /** The newest sets to list; default 100. */
  limit: numberIn(limits.pickSetsListed).optional(),
});
export const pickSetRequest = strictRequest({ id: pickSetId });

/** A song and the stars the listener gave it. */
export const ratedSong = z.object({ track: trackView, stars: z.number() });
export type RatedSong = z.infer<typeof ratedSong>;

/** What the listener did between the set before and this one ("after you rated X and Y"). */
export const pickSetChanges = z.object({
  /** Ratings given or changed, the newest first: the first few of `ratedCount`. */
  rated: z.array(ratedSong).readonly(),
  ratedCount: z.number(),
  /** Songs marked "not interested": the first few of `hiddenCount`. */
  hidden: z.array(trackView).readonly(),
  hiddenCount: z.number(),
  /** Ratings that were gone (Start over). */
  removed: z.number(),
});
export type PickSetChanges = z.infer<typeof pickSetChanges>;

/** A past set of picks as the history lists it. */
export const pickSetSummary = z.object({
  id: z.number(),
  /** When it was made, Unix seconds. */
  madeAt: z.number(),
  /** How many ratings it was made from. */
  ratingCount: z.number(),
  changes: pickSetChanges,
  /** Its songs, in the order shown. */
  picks: z.array(trackView).readonly(),
});
export type PickSetSummary = z.infer<typeof pickSetSummary>;

export const pickSetsResponse = z.object({
  /** The newest first. */
  sets: z.array(pickSetSummary).readonly(),
  /** Sets kept in all (more than listed when the limit cut them). */
  total: z.number(),
});
export type PickSetsResponse = z.infer<typeof pickSetsResponse>;

/** One past set, reopened: its picks exactly as they were shown, and what they came from. */
export const pickSetView = pickSetSummary.extend({
  recommendations: z.array(recommendationView).readonly(),
  /** The listener's ratings when the set was made. */
  ratings: z.array(ratedSong).readonly(),
  /** The listener's stars now, for the picks they have rated since. */
  yourStars: z.array(z.object({ trackId: z.number(), stars: z.number() })).readonly(),
});
export type PickSetView = z.infer<typeof pickSetView>;

export const playlistFormat = z.enum(['m3u8', 'xspf', 'jspf'], {
  error: 'must be "m3u8", "xspf" or "jspf"',
});
export type PlaylistFormat = z.infer<typeof playlistFormat>;

/** The current picks, the songs the listener loved (4★ and up), or a past set. */
export const playlistSource = z.union(
  [z.literal('picks'), z.literal('loved'), strictRequest({ history: pickSetId })],
  { error: 'must be "picks", "loved" or { history: ID }' },
);
export type PlaylistSource = z.infer<typeof playlistSource>;

export const exportPlaylistRequest = strictRequest({
  from: playlistSource,
  format: playlistFormat,
});

/** A playlist file for the face to save: a download in the browser, a file elsewhere. */
export const exportedPlaylist = z.object({
  /** A suggested name with the format's extension, e.g. `earshot-picks-2025-06-01.m3u8`. */
  fileName: z.string(),
  mimeType: z.string(),
  text: z.string(),
  /** Songs in it. */
  tracks: z.number(),
});
export type ExportedPlaylist = z.infer<typeof exportedPlaylist>;
