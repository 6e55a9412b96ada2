/**
 * A listener's plays as the picks read them: the listening signals an imported history (or a
 * Spotify account) left (`store.signals.forUser`), turned into the ranking model's signed input
 * and SVD's stars. Ratings always win: a song the listener rated is read from its stars alone.
 */
import { pseudoStars } from '../../ratings/history/strength.ts';

export interface PlayedSong {
  readonly trackId: number;
  /** 0–1, see `strengthOf`: three recent full plays give 0.5. */
  readonly strength: number;
  readonly plays: number;
  readonly skips: number;
}

/** Strength from which a played song counts as one the listener loves: cited, and support. */
export const lovedPlayStrength = 0.5;

/** |x| of a song always skipped (a rated dislike is 0.5: a skip says less than one star). */
const skippedWeight = 0.25;

/**
 * The ranking model's x for a played song: its strength, or, for a song only ever skipped, a
 * mild dislike in proportion to the share of skips. Zero (no input) for neither.
 */
export function playedWeight(song: PlayedSong): number {
  if (song.strength > 0) return song.strength;
  return song.plays > 0 ? (-skippedWeight * song.skips) / song.plays : 0;
}

/** SVD's stars for a played song the listener has not rated (see `pseudoStars`). */
export function playedStars(song: PlayedSong): number {
  return pseudoStars(song);
}
