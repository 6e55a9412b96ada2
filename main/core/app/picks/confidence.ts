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

/** What points to a pick: songs rated 4★ or more, songs played a lot, the taste start. */
export interface PickSupport {
  /** Songs the listener rated 4★ or more whose terms push the pick up. */
  readonly liked: number;
  /** Songs of the listener's listening history (not rated) that push it up. */
  readonly played: number;
  /** Whether the taste start (a liked genre, decade or artist) speaks for it. */
  readonly fromTaste: boolean;
}

/** "1 song you liked", "2 songs you often play", "3 songs you liked or often play". */
function supportingSongs({ liked, played }: PickSupport): string {
  const count = liked + played;
  const what =
    played === 0 ? 'you liked' : liked === 0 ? 'you often play' : 'you liked or often play';
  return `${count} ${count === 1 ? 'song' : 'songs'} ${what}`;
}

/** "1 song you liked points here", "3 songs you liked point here". */
function pointHere(support: PickSupport): string {
  const count = support.liked + support.played;
  return `${supportingSongs(support)} ${count === 1 ? 'points' : 'point'} here`;
}

/**
 * Combines two signs of certainty: how tightly the listener's ratings pin SVD's estimate down
 * (the fold-in's ridge posterior) and how many songs they liked or play a lot point to the pick
 * (the ranking model's positive terms). A pick only the taste start speaks for says so.
 */
export function confidenceOf(spread: number, support: PickSupport): PickConfidence {
  const count = support.liked + support.played;
  if (count === 0) {
    return support.fromTaste
      ? { level: 'low', label: 'A hunch from your taste: rate songs you know to firm it up' }
      : { level: 'low', label: 'A long shot: none of the songs you liked point here yet' };
  }
  if (spread >= looseSpread) {
    return {
      level: 'low',
      label: `An early guess from ${supportingSongs(support)}: rate more to firm it up`,
    };
  }
  if (spread <= tightSpread && count >= 2) {
    return { level: 'high', label: `A strong match: ${pointHere(support)}` };
  }
  return { level: 'medium', label: `A good bet: ${pointHere(support)}` };
}
