import { Prng } from '../random.ts';
import { simulatedTimestamp } from './simulated-rating.ts';
import type { SimulatedRating } from './simulated-rating.ts';

/** The original project's defaults: 50 users and 300 ratings, i.e. 6 per user on average. */
const uniformRatingsPerListener = 6;

/**
 * The original project's generator, for comparison: `count × 6` ratings, each with a uniformly
 * random listener, song and star value. Such ratings carry no taste, so no model can learn
 * from them; Earshot keeps the mode to show exactly that. A repeated (listener, song) pair
 * keeps its last draw, as a re-rating would.
 */
export function simulateUniformListeners(
  trackIds: readonly number[],
  count: number,
  seed: number,
  totalRatings = count * uniformRatingsPerListener,
): SimulatedRating[] {
  if (trackIds.length === 0)
    throw new RangeError('simulateUniformListeners needs at least one track');
  const random = new Prng(seed);
  const byPair = new Map<string, SimulatedRating>();
  for (let i = 0; i < totalRatings; i++) {
    const listener = random.nextInt(count);
    const trackId = trackIds[random.nextInt(trackIds.length)];
    const rating = 1 + random.nextInt(5);
    byPair.set(`${listener}:${trackId}`, {
      listener,
      trackId,
      rating,
      ratedAt: simulatedTimestamp(random.nextFloat()),
    });
  }
  return [...byPair.values()];
}
