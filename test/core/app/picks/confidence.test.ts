import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../../../main/core/app/picks/confidence.ts';

describe('confidenceOf', () => {
  it('is high only when the ratings pin the score down and several liked songs agree', () => {
    expect(confidenceOf(0.3, 3)).toEqual({
      level: 'high',
      label: 'Strong match: 3 songs you liked point here',
    });
    expect(confidenceOf(0.3, 1).level).toBe('medium');
    expect(confidenceOf(0.6, 3).level).toBe('medium');
  });

  it('calls a pick a long shot when no liked song supports it or the spread is wide', () => {
    expect(confidenceOf(0.2, 0)).toEqual({
      level: 'low',
      label: 'A long shot: none of the songs you liked point here yet',
    });
    expect(confidenceOf(0.9, 1).label).toBe(
      'A long shot: only 1 song you liked points here, and faintly',
    );
  });
});
