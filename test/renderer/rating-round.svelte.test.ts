import { describe, expect, it } from 'vitest';
import { RatingRound } from '../../renderer/src/lib/state/rating-round.svelte.ts';
import { makeTrack } from './fake-earshot-api.ts';

const roundOf = (...ids: number[]) => new RatingRound(ids.map(makeTrack));

describe('RatingRound', () => {
  it('can be submitted only once every card has stars', () => {
    const round = roundOf(1, 2, 3);
    expect(round.canSubmit).toBe(false);

    round.rate(1, 5);
    round.rate(2, 3);
    expect(round.ratedCount).toBe(2);
    expect(round.canSubmit).toBe(false);

    round.rate(3, 1);
    expect(round.ratedCount).toBe(3);
    expect(round.canSubmit).toBe(true);
  });

  it('lets a listener change their mind without counting the song twice', () => {
    const round = roundOf(1, 2);
    round.rate(1, 2);
    round.rate(1, 4);
    expect(round.ratedCount).toBe(1);
    expect(round.cards[0]?.stars).toBe(4);
  });

  it('never offers an empty round for submission', () => {
    expect(roundOf().canSubmit).toBe(false);
  });

  it('accepts only whole stars from 1 to 5', () => {
    const round = roundOf(1);
    expect(() => round.rate(1, 0)).toThrow(RangeError);
    expect(() => round.rate(1, 6)).toThrow(RangeError);
    expect(() => round.rate(1, 2.5)).toThrow(RangeError);
    expect(round.cards[0]?.stars).toBeUndefined();
  });

  it('puts a replacement in the same place, unrated, and keeps the other stars', () => {
    const round = roundOf(1, 2, 3);
    round.rate(1, 5);
    round.rate(2, 4);
    round.rate(3, 2);

    round.replace(2, makeTrack(9));

    expect(round.trackIds).toEqual([1, 9, 3]);
    expect(round.cards.map((card) => card.stars)).toEqual([5, undefined, 2]);
    expect(round.canSubmit).toBe(false);
  });

  it('submits one rating per card, in screen order', () => {
    const round = roundOf(4, 2, 7);
    round.rate(7, 1);
    round.rate(4, 5);
    round.rate(2, 3);
    expect(round.ratings()).toEqual([
      { trackId: 4, stars: 5 },
      { trackId: 2, stars: 3 },
      { trackId: 7, stars: 1 },
    ]);
  });

  it('ignores stars for a song that has already left the screen', () => {
    const round = roundOf(1, 2);
    round.replace(1, makeTrack(5));
    round.rate(1, 4);
    expect(round.ratedCount).toBe(0);
  });
});
