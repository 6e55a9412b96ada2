import type { RatingStrategy } from '../contract/index.ts';
import type { Track } from '../catalog/track.ts';

/** How known and how divisive a song is among everyone's ratings. */
export interface TrackRatingStats {
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
}

export interface PickRequest {
  readonly candidates: readonly Track[];
  readonly count: number;
  readonly strategy: RatingStrategy;
  /** Uniform in [0, 1): `Math.random` in the app, seeded in tests. */
  readonly random: () => number;
  readonly stats?: ReadonlyMap<number, TrackRatingStats>;
}

/**
 * How much the `smart` strategy wants a song rated: well-known songs (many ratings) that split
 * opinion (a wide spread of stars) tell the model most about a new listener. log(1 + n)·sd.
 */
function informativeness(stats: TrackRatingStats | undefined): number {
  if (stats === undefined || stats.count < 2) return 0.05;
  return Math.log1p(stats.count) * Math.max(stats.sd, 0.1);
}

/**
 * Picks `count` songs, at most one per primary artist. `random`: uniformly, as the original
 * project did. `smart`: weighted by {@link informativeness} (Efraimidis–Spirakis sampling), so
 * the round is mostly known, divisive songs and still varies from one round to the next.
 */
export function pickSongs(request: PickRequest): Track[] {
  const { candidates, strategy, random, stats } = request;
  const keyed = candidates.map((track) => {
    const weight = strategy === 'smart' ? informativeness(stats?.get(track.id)) : 1;
    return { track, key: Math.log(1 - random()) / weight };
  });
  keyed.sort((a, b) => b.key - a.key);
  const artists = new Set<string>();
  const picked: Track[] = [];
  for (const { track } of keyed) {
    if (picked.length === request.count) break;
    const artist = track.artists[0] ?? '';
    if (artists.has(artist)) continue;
    artists.add(artist);
    picked.push(track);
  }
  return picked;
}
