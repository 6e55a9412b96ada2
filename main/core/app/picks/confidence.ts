/** How sure the model is about a pick, in words a listener understands. */
export interface PickConfidence {
  readonly level: 'high' | 'medium' | 'low';
  readonly label: string;
}

/**
 * Spread (√(x_iᵀA⁻¹x_i), see `SvdEstimate.spread`) below which the listener's ratings pin a
 * pick's score down well, and above which they say little about it. Measured on the embedded
 * catalog: a five-rating listener's picks spread 0.35–0.9, a fifty-rating listener's 0.15–0.4.
 */
const tightSpread = 0.45;
const looseSpread = 0.75;

/**
 * Combines two signs of certainty: how tightly the listener's ratings pin SVD's estimate down
 * (the fold-in's ridge posterior) and how many songs they liked point to the pick.
 */
export function confidenceOf(spread: number, likedSupport: number): PickConfidence {
  const songs =
    likedSupport === 1 ? '1 song you liked points' : `${likedSupport} songs you liked point`;
  if (spread <= tightSpread && likedSupport >= 2)
    return { level: 'high', label: `Strong match: ${songs} here` };
  if (spread >= looseSpread || likedSupport === 0)
    return {
      level: 'low',
      label:
        likedSupport === 0
          ? 'A long shot: none of the songs you liked point here yet'
          : `A long shot: only ${songs} here, and faintly`,
    };
  return { level: 'medium', label: `Good chance: ${songs} here` };
}
