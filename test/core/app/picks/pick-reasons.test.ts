import { describe, expect, it } from 'vitest';
import { reasonsFor } from '../../../../main/core/app/picks/pick-reasons.ts';

const term = (trackId: number, rating: number, contribution: number) => ({
  trackId,
  rating,
  weight: rating,
  contribution,
});
const none = { notInterested: new Set<number>() };

describe('reasonsFor', () => {
  it('cites up to two liked songs, the larger push first', () => {
    const reasons = reasonsFor([term(1, 5, 0.2), term(2, 4, 0.5), term(3, 5, 0.1)], none);
    expect(reasons.map((r) => [r.kind, r.trackId])).toEqual([
      ['liked', 2],
      ['liked', 1],
    ]);
  });

  it('never cites a 1★ song as a "because", and says plainly when a dislike drives the pick', () => {
    const reasons = reasonsFor([term(1, 1, 0.9), term(2, 5, 0.3), term(3, 2, 0.05)], none);
    expect(reasons).toEqual([
      { kind: 'liked', trackId: 2, stars: 5, plays: null, contribution: 0.3 },
      { kind: 'disliked', trackId: 1, stars: 1, plays: null, contribution: 0.9 },
    ]);
  });

  it('gives no reason from 3★ songs or from songs that pulled the pick down', () => {
    expect(reasonsFor([term(1, 3, 0.8), term(2, 5, -0.4)], none)).toEqual([]);
  });

  it('marks a "not interested" song as a dislike without stars', () => {
    const reasons = reasonsFor([term(7, 2, 0.4)], { notInterested: new Set([7]) });
    expect(reasons).toEqual([
      { kind: 'disliked', trackId: 7, stars: null, plays: null, contribution: 0.4 },
    ]);
  });

  it('cites a song played often as "played", with its plays, and never one played once', () => {
    const played = (trackId: number, weight: number, contribution: number) => ({
      trackId,
      rating: NaN,
      weight,
      contribution,
    });
    const reasons = reasonsFor([played(4, 0.9, 0.7), played(5, 0.2, 0.6), term(6, 4, 0.1)], {
      notInterested: new Set<number>(),
      loved: new Map([[4, 12]]),
    });
    expect(reasons).toEqual([
      { kind: 'played', trackId: 4, stars: null, plays: 12, contribution: 0.7 },
      { kind: 'liked', trackId: 6, stars: 4, plays: null, contribution: 0.1 },
    ]);
  });
});
