import { PlayEnd } from './plays.ts';

/**
 * From plays to an implicit taste signal. Every constant here is documented in the README's
 * "Your data in" section; change them together.
 */
export const strengthRules = {
  /** Spotify counts a stream from 30 s on; a shorter play the listener ended is a skip. */
  skipBeforeMs: 30_000,
  /** A listener-ended play under half the track is a skip too. */
  skipBelowFraction: 0.5,
  /** The length assumed where neither the catalog nor the history knows it (Last.fm's 4 min). */
  unknownLengthMs: 240_000,
  /** Plays of one recording closer than this are one play (two exports of the same listening). */
  samePlayWithinSeconds: 60,
  /** Recency: a play's recent weight halves every year… */
  halfLifeSeconds: 365 * 86_400,
  /** …but never below a quarter: an old favourite is still a favourite. */
  oldPlayWeight: 0.25,
  /** Full-play equivalents for half strength. */
  halfStrengthPlays: 3,
  /** How much a history of pure skips takes away (strength × (1 − share × this)). */
  skipPenalty: 0.5,
} as const;

/** What one play counts for: a fraction of a full listen (0–1), or a skip. `end`: a PlayEnd. */
export function playOutcome(
  msPlayed: number,
  end: number,
  lengthMs: number | null,
): { listened: number; skip: boolean } {
  if (end === PlayEnd.counted || end === PlayEnd.finished) return { listened: 1, skip: false };
  const fraction = Math.min(1, Math.max(0, msPlayed) / (lengthMs ?? strengthRules.unknownLengthMs));
  const short = msPlayed < strengthRules.skipBeforeMs;
  if (end === PlayEnd.byListener && (short || fraction < strengthRules.skipBelowFraction))
    return { listened: 0, skip: true };
  if (short) return { listened: 0, skip: end === PlayEnd.unknown };
  return { listened: fraction, skip: false };
}

/** The sums a signal keeps per listener and track; they merge by {@link mergeSums}. */
export interface PlaySums {
  plays: number;
  skips: number;
  /** Full-play equivalents. */
  listened: number;
  /** The same, each play weighted 2^(−(lastPlayedAt − t) / half-life). */
  listenedRecent: number;
  lastPlayedAt: number;
}

/** Halving factor over `seconds`. */
export function decay(seconds: number): number {
  return 2 ** (-Math.max(0, seconds) / strengthRules.halfLifeSeconds);
}

/** Adds `b` into `a`, re-anchoring the recent sums at the later last play. */
export function mergeSums(a: PlaySums, b: PlaySums): PlaySums {
  const last = Math.max(a.lastPlayedAt, b.lastPlayedAt);
  return {
    plays: a.plays + b.plays,
    skips: a.skips + b.skips,
    listened: a.listened + b.listened,
    listenedRecent:
      a.listenedRecent * decay(last - a.lastPlayedAt) +
      b.listenedRecent * decay(last - b.lastPlayedAt),
    lastPlayedAt: last,
  };
}

/**
 * The implicit strength, in [0, 1], of a listener's plays of one track at time `now`:
 *
 *   e = 0.25 · listened + 0.75 · listenedRecent · 2^(−(now − lastPlayedAt) / 1 year)
 *   strength = (1 − 2^(−e / 3)) · (1 − 0.5 · skips / plays)
 *
 * One recent full play gives 0.21, three 0.5, six 0.75, twelve 0.94; plays long ago count a
 * quarter; a track always skipped is 0.
 */
export function strengthOf(sums: PlaySums, now: number): number {
  if (sums.plays === 0) return 0;
  const rules = strengthRules;
  const effective =
    rules.oldPlayWeight * sums.listened +
    (1 - rules.oldPlayWeight) * sums.listenedRecent * decay(now - sums.lastPlayedAt);
  const saturation = 1 - 2 ** (-effective / rules.halfStrengthPlays);
  return saturation * (1 - (rules.skipPenalty * sums.skips) / sums.plays);
}

/**
 * Stars for SVD from a listening signal, used only for tracks the listener has not rated:
 * 2.5 + 2.5 · strength − 1.5 · skip share, within 1–5. One recent full listen reads as 3 (no
 * opinion), a dozen as about 4.8, a track always skipped as 1.
 */
export function pseudoStars(signal: { strength: number; plays: number; skips: number }): number {
  const skipShare = signal.plays === 0 ? 0 : signal.skips / signal.plays;
  return Math.min(5, Math.max(1, 2.5 + 2.5 * signal.strength - 1.5 * skipShare));
}
