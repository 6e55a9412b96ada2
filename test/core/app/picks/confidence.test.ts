import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../../../main/core/app/picks/confidence.ts';

describe('confidenceOf', () => {
  it('is high only when the ratings pin the score down and several liked songs agree', () => {
    expect(confidenceOf(0.6, 3)).toEqual({
      level: 'high',
      label: 'A strong match: 3 songs you liked point here',
    });
    expect(confidenceOf(0.6, 1)).toEqual({
      level: 'medium',
      label: 'A good bet: 1 song you liked points here',
    });
    expect(confidenceOf(1.2, 3).level).toBe('medium');
  });

  it('calls a first round’s pick an early guess, and one no liked song supports a long shot', () => {
    expect(confidenceOf(1.6, 2)).toEqual({
      level: 'low',
      label: 'An early guess from 2 songs you liked: rate more to firm it up',
    });
    expect(confidenceOf(0.2, 0)).toEqual({
      level: 'low',
      label: 'A long shot: none of the songs you liked point here yet',
    });
  });
});
