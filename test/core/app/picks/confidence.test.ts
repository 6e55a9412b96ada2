import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../../../main/core/app/picks/confidence.ts';

const liked = (count: number) => ({ liked: count, played: 0, fromTaste: false });

describe('confidenceOf', () => {
  it('is high only when the ratings pin the score down and several liked songs agree', () => {
    expect(confidenceOf(0.6, liked(3))).toEqual({
      level: 'high',
      label: 'A strong match: 3 songs you liked point here',
    });
    expect(confidenceOf(0.6, liked(1))).toEqual({
      level: 'medium',
      label: 'A good bet: 1 song you liked points here',
    });
    expect(confidenceOf(1.2, liked(3)).level).toBe('medium');
  });

  it('calls a first round’s pick an early guess, and one no liked song supports a long shot', () => {
    expect(confidenceOf(1.6, liked(2))).toEqual({
      level: 'low',
      label: 'An early guess from 2 songs you liked: rate more to firm it up',
    });
    expect(confidenceOf(0.2, liked(0))).toEqual({
      level: 'low',
      label: 'A long shot: none of the songs you liked point here yet',
    });
  });

  it('names played songs as played, and a pick of the taste start alone as a hunch', () => {
    expect(confidenceOf(0.6, { liked: 0, played: 2, fromTaste: false }).label).toBe(
      'A strong match: 2 songs you often play point here',
    );
    expect(confidenceOf(1.0, { liked: 1, played: 1, fromTaste: false }).label).toBe(
      'A good bet: 2 songs you liked or often play point here',
    );
    expect(confidenceOf(1.6, { liked: 0, played: 0, fromTaste: true })).toEqual({
      level: 'low',
      label: 'A hunch from your taste: rate songs you know to firm it up',
    });
    // The taste adds nothing to songs that already speak for a pick.
    expect(confidenceOf(0.6, { liked: 2, played: 0, fromTaste: true }).level).toBe('high');
  });
});
