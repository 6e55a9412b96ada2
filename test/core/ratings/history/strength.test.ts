import { describe, expect, it } from 'vitest';
import { PlayEnd } from '../../../../main/core/ratings/history/plays.ts';
import {
  mergeSums,
  playOutcome,
  pseudoStars,
  strengthOf,
} from '../../../../main/core/ratings/history/strength.ts';

const year = 365 * 86_400;

describe('playOutcome', () => {
  it('counts scrobbles and finished plays as full listens', () => {
    expect(playOutcome(-1, PlayEnd.counted, null)).toEqual({ listened: 1, skip: false });
    expect(playOutcome(190_000, PlayEnd.finished, 200_000)).toEqual({ listened: 1, skip: false });
  });

  it('calls a play the listener ended early a skip, and a longer one a partial listen', () => {
    expect(playOutcome(12_000, PlayEnd.byListener, 200_000).skip).toBe(true);
    expect(playOutcome(80_000, PlayEnd.byListener, 200_000).skip).toBe(true);
    expect(playOutcome(150_000, PlayEnd.byListener, 200_000)).toEqual({
      listened: 0.75,
      skip: false,
    });
  });

  it('measures completion against 4 minutes where the length is unknown', () => {
    expect(playOutcome(120_000, PlayEnd.unknown, null)).toEqual({ listened: 0.5, skip: false });
    expect(playOutcome(10_000, PlayEnd.unknown, null)).toEqual({ listened: 0, skip: true });
    expect(playOutcome(10_000, PlayEnd.otherwise, null)).toEqual({ listened: 0, skip: false });
  });
});

describe('strengthOf', () => {
  const recent = (plays: number, skips = 0) => ({
    plays: plays + skips,
    skips,
    listened: plays,
    listenedRecent: plays,
    lastPlayedAt: 0,
  });

  it('grows with full plays: 0.21 for one, 0.5 for three, 0.94 for twelve', () => {
    expect(strengthOf(recent(1), 0)).toBeCloseTo(0.206, 3);
    expect(strengthOf(recent(3), 0)).toBeCloseTo(0.5, 6);
    expect(strengthOf(recent(12), 0)).toBeCloseTo(0.9375, 4);
  });

  it('fades plays long ago to a quarter, and halves for a history of skips', () => {
    expect(strengthOf(recent(12), 10 * year)).toBeCloseTo(
      1 - 2 ** -((12 * 0.25 + 12 * 0.75 * 2 ** -10) / 3),
      6,
    );
    expect(strengthOf(recent(0, 5), 0)).toBe(0);
    expect(strengthOf(recent(3, 3), 0)).toBeCloseTo(0.5 * 0.75, 6);
  });

  it('merges sums taken at different times as if counted together', () => {
    const a = { plays: 1, skips: 0, listened: 1, listenedRecent: 1, lastPlayedAt: 0 };
    const b = { plays: 1, skips: 0, listened: 1, listenedRecent: 1, lastPlayedAt: year };
    expect(mergeSums(a, b)).toEqual({
      plays: 2,
      skips: 0,
      listened: 2,
      listenedRecent: 1.5,
      lastPlayedAt: year,
    });
  });
});

describe('pseudoStars', () => {
  it('reads one listen as no opinion, many as about 5, only skips as 1', () => {
    expect(pseudoStars({ strength: 0.206, plays: 1, skips: 0 })).toBeCloseTo(3.0, 1);
    expect(pseudoStars({ strength: 0.94, plays: 12, skips: 0 })).toBeCloseTo(4.85, 2);
    expect(pseudoStars({ strength: 0, plays: 5, skips: 5 })).toBe(1);
  });
});
