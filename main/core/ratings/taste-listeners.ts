import { Prng, hashString, mixSeeds } from '../random.ts';
import { drawTaste } from './listener-taste.ts';
import type { ListenerTaste } from './listener-taste.ts';
import { ratingNoise, simulatedTimestamp } from './simulated-rating.ts';
import type { SimulatedRating } from './simulated-rating.ts';
import { expectedStars, selectionWeight, toStars } from './taste-score.ts';
import { trackTraits } from './track-traits.ts';
import type { TrackFeatures, TrackTraits } from './track-traits.ts';

/** Indices of the `count` items with the largest Efraimidis–Spirakis keys `log(u) / w`. */
function weightedSample(weights: Float64Array, count: number, next: () => number): number[] {
  const keys = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) keys[i] = Math.log(1 - next()) / (weights[i] ?? 1);
  const order = Array.from(keys.keys()).sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0));
  return order.slice(0, count);
}

/** One listener's ratings of the tracks they chose, drawn with a random stream of their own. */
function rateAsListener(
  taste: ListenerTaste,
  listener: number,
  tracks: readonly TrackFeatures[],
  traits: readonly TrackTraits[],
  seed: number,
): SimulatedRating[] {
  const random = new Prng(mixSeeds(seed, listener, 0x5e1ec7));
  const weights = new Float64Array(tracks.length);
  tracks.forEach((track, i) => (weights[i] = selectionWeight(taste, track, traits[i])));
  return weightedSample(weights, taste.activity, () => random.nextFloat()).map((i) => ({
    listener,
    trackId: tracks[i].id,
    rating: toStars(expectedStars(taste, tracks[i], traits[i]), random.nextNormal(0, ratingNoise)),
    ratedAt: simulatedTimestamp(random.nextFloat()),
  }));
}

export interface TasteSimulation {
  readonly tastes: ListenerTaste[];
  readonly ratings: SimulatedRating[];
}

/** `count` listeners with tastes of their own, each rating the songs they would play. */
export function simulateTasteListeners(
  tracks: readonly TrackFeatures[],
  count: number,
  seed: number,
): TasteSimulation {
  if (tracks.length === 0) throw new RangeError('simulateTasteListeners needs at least one track');
  const genres = [...new Set(tracks.flatMap((t) => t.genres))].sort();
  const artistKeys = [...new Set(tracks.flatMap((t) => t.artistKeys))].sort();
  const traits = tracks.map((t) => trackTraits(seed, t.itemKey));
  const tastes: ListenerTaste[] = [];
  const ratings: SimulatedRating[] = [];
  for (let listener = 0; listener < count; listener++) {
    const taste = drawTaste(new Prng(mixSeeds(seed, listener)), genres, artistKeys, tracks.length);
    tastes.push(taste);
    ratings.push(...rateAsListener(taste, listener, tracks, traits, seed));
  }
  return { tastes, ratings };
}

/**
 * Ratings of tracks added after the listeners were created (a crawl, a new catalog): each
 * listener plays a new track with the chance their activity and liking of it imply, and rates
 * it by the same taste. The outcome for a track does not depend on which other tracks are new.
 */
export function rateNewTracks(
  tastes: readonly ListenerTaste[],
  newTracks: readonly TrackFeatures[],
  catalogSize: number,
  seed: number,
): SimulatedRating[] {
  const ratings: SimulatedRating[] = [];
  for (const track of newTracks) {
    const traits = trackTraits(seed, track.itemKey);
    tastes.forEach((taste, listener) => {
      const random = new Prng(mixSeeds(seed, listener, hashString(track.itemKey)));
      const chance = Math.min(
        1,
        (taste.activity / catalogSize) * selectionWeight(taste, track, traits),
      );
      if (random.nextFloat() >= chance) return;
      const stars = toStars(expectedStars(taste, track, traits), random.nextNormal(0, ratingNoise));
      ratings.push({
        listener,
        trackId: track.id,
        rating: stars,
        ratedAt: simulatedTimestamp(random.nextFloat()),
      });
    });
  }
  return ratings;
}
