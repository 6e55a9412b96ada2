import type { ListenerTaste } from './listener-taste.ts';
import type { TrackFeatures, TrackTraits } from './track-traits.ts';

/** Mean genre weight over the track's genres; 0 for a track without known genres. */
function genreAffinity(taste: ListenerTaste, track: TrackFeatures): number {
  if (track.genres.length === 0) return 0;
  let sum = 0;
  for (const genre of track.genres) sum += taste.genreWeights[genre] ?? 0;
  return sum / track.genres.length;
}

/** +1 at the centre of the listener's era, falling to −1 far from it; 0 for an unknown year. */
function eraAffinity(taste: ListenerTaste, track: TrackFeatures): number {
  if (track.year === null) return 0;
  const distance = (track.year - taste.eraCenter) / taste.eraWidth;
  return 2 * Math.exp(-0.5 * distance * distance) - 1;
}

function artistAffinity(taste: ListenerTaste, track: TrackFeatures): number {
  let affinity = 0;
  for (const key of track.artistKeys) {
    if (taste.lovedArtists.includes(key)) affinity += 1;
    if (taste.dislikedArtists.includes(key)) affinity -= 0.8;
  }
  return affinity;
}

/**
 * How strongly the listener is drawn to play (and so rate) the track: likes, their era, and
 * — for mainstream listeners — fame. Ratings are missing not at random, as in real data.
 */
export function selectionWeight(
  taste: ListenerTaste,
  track: TrackFeatures,
  traits: TrackTraits,
): number {
  return Math.exp(
    0.6 * genreAffinity(taste, track) +
      0.5 * eraAffinity(taste, track) +
      artistAffinity(taste, track) +
      1.5 * taste.mainstream * Math.log(traits.fame) * 0.25,
  );
}

/**
 * The stars a listener gives, before noise, on a continuous scale around 3:
 * `3.1 + bias + 2.4·genre + 0.6·era + 0.8·artist + appeal + 0.4·(mainstream − ½)·(fame − ½)`.
 */
export function expectedStars(
  taste: ListenerTaste,
  track: TrackFeatures,
  traits: TrackTraits,
): number {
  return (
    3.1 +
    taste.raterBias +
    2.4 * genreAffinity(taste, track) +
    0.6 * eraAffinity(taste, track) +
    0.8 * artistAffinity(taste, track) +
    traits.appeal +
    0.4 * (taste.mainstream - 0.5) * (traits.fame - 0.5)
  );
}

/** Whole stars 1–5 from the expected value plus the listener's mood on the day. */
export function toStars(expected: number, noise: number): number {
  return Math.min(5, Math.max(1, Math.round(expected + noise)));
}
