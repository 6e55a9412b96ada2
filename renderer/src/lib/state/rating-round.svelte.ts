import type { SongRating, TrackView } from '../../../../preload/api.ts';

/** One song on the rating screen and the stars the listener gave it, if any yet. */
export interface RateCard {
  readonly track: TrackView;
  readonly stars: number | undefined;
}

/** The lowest and highest whole stars a listener can give. */
export const MIN_STARS = 1;
export const MAX_STARS = 5;

/**
 * The songs of one rating round, in screen order. Cards are replaced, never mutated, so a card
 * that a component holds stays a consistent snapshot.
 */
export class RatingRound {
  cards = $state.raw<readonly RateCard[]>([]);

  /** How many cards have stars. */
  readonly ratedCount = $derived(this.cards.filter((card) => card.stars !== undefined).length);
  /** True once every card on screen has stars (and there is at least one card). */
  readonly canSubmit = $derived(this.cards.length > 0 && this.ratedCount === this.cards.length);
  /** The ids on screen: a replacement or a new round must not offer these again. */
  readonly trackIds = $derived(this.cards.map((card) => card.track.id));

  /** `stars[i]`, when given, is the card's stars so far (a round dealt again after a reload). */
  constructor(tracks: readonly TrackView[], stars: readonly (number | null)[] = []) {
    this.cards = tracks.map((track, i) => ({ track, stars: stars[i] ?? undefined }));
  }

  /**
   * Gives `stars` (whole, 1–5) to the song with `trackId`. A song no longer on screen (replaced
   * while the click was on its way) is left alone: there is nothing to rate any more.
   */
  rate(trackId: number, stars: number): void {
    if (!Number.isInteger(stars) || stars < MIN_STARS || stars > MAX_STARS) {
      throw new RangeError(`stars must be a whole number from 1 to 5, got ${stars}`);
    }
    this.cards = this.cards.map((card) => (card.track.id === trackId ? { ...card, stars } : card));
  }

  /** Puts `replacement` where the song with `trackId` was, unrated; the other cards keep theirs. */
  replace(trackId: number, replacement: TrackView): void {
    this.cards = this.cards.map((card) =>
      card.track.id === trackId ? { track: replacement, stars: undefined } : card,
    );
  }

  /** The round as the core keeps it between visits: every card, rated or not, in order. */
  draft(): { trackId: number; stars: number | null }[] {
    return this.cards.map((card) => ({ trackId: card.track.id, stars: card.stars ?? null }));
  }

  /** The ratings to submit: one per rated card, in screen order. */
  ratings(): SongRating[] {
    return this.cards.flatMap((card) =>
      card.stars === undefined ? [] : [{ trackId: card.track.id, stars: card.stars }],
    );
  }
}
