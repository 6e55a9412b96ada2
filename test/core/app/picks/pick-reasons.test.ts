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
      { kind: 'liked', trackId: 2, stars: 5, contribution: 0.3 },
      { kind: 'disliked', trackId: 1, stars: 1, contribution: 0.9 },
    ]);
  });

  it('gives no reason from 3★ songs or from songs that pulled the pick down', () => {
    expect(reasonsFor([term(1, 3, 0.8), term(2, 5, -0.4)], none)).toEqual([]);
  });

  it('marks a "not interested" song as a dislike without stars', () => {
    const reasons = reasonsFor([term(7, 2, 0.4)], { notInterested: new Set([7]) });
    expect(reasons).toEqual([{ kind: 'disliked', trackId: 7, stars: null, contribution: 0.4 }]);
  });
});
