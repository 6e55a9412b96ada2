/** How sure the model is about a pick, in words a listener understands. */
export interface PickConfidence {
  readonly level: 'high' | 'medium' | 'low';
  readonly label: string;
}

/**
 * Spread (√(x_iᵀA⁻¹x_i), see `SvdEstimate.spread`) at or below which the listener's ratings pin
 * a pick's score down, and at or above which they hardly do. Measured on the embedded catalog
 * with the app's model (median over random songs): 1.59 after 5 ratings, 1.39 after 10, 1.09
 * after 20, 0.69 after 50. So a first round's picks are honest early guesses, and a listener
 * with a few dozen ratings gets firm ones.
 */
const tightSpread = 0.9;
const looseSpread = 1.5;

function songsYouLiked(count: number): string {
  return count === 1 ? '1 song you liked' : `${count} songs you liked`;
}

/** "1 song you liked points here", "3 songs you liked point here". */
function pointHere(count: number): string {
  return `${songsYouLiked(count)} ${count === 1 ? 'points' : 'point'} here`;
}

/**
 * Combines two signs of certainty: how tightly the listener's ratings pin SVD's estimate down
 * (the fold-in's ridge posterior) and how many songs they liked point to the pick (the ranking
 * model's positive terms from ≥ 4★ songs).
 */
export function confidenceOf(spread: number, likedSupport: number): PickConfidence {
  if (likedSupport === 0) {
    return { level: 'low', label: 'A long shot: none of the songs you liked point here yet' };
  }
  if (spread >= looseSpread) {
    return {
      level: 'low',
      label: `An early guess from ${songsYouLiked(likedSupport)}: rate more to firm it up`,
    };
  }
  if (spread <= tightSpread && likedSupport >= 2) {
    return { level: 'high', label: `A strong match: ${pointHere(likedSupport)}` };
  }
  return { level: 'medium', label: `A good bet: ${pointHere(likedSupport)}` };
}
