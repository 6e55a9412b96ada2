/** A rating made by simulated listener `listener` (an index into the listener list). */
export interface SimulatedRating {
  readonly listener: number;
  readonly trackId: number;
  readonly rating: number;
  readonly ratedAt: number;
}

/** Simulated ratings are dated within the three years before this instant (2026-01-01 UTC). */
const simulationEpoch = 1_767_225_600;
const threeYears = 3 * 365 * 24 * 3600;

export function simulatedTimestamp(uniform: number): number {
  return simulationEpoch - Math.floor(uniform * threeYears);
}

/** The noise around a listener's expected stars (1 sd). */
export const ratingNoise = 0.65;
