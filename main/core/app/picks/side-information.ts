import type { Track } from '../../catalog/track.ts';
import type { RatingArrays } from '../../store/rating-repository.ts';

/**
 * How many pseudo-listeners stand for each kind of trait, measured with the persona benchmark
 * (`node bench/personas.bench.ts`, 50 trials per persona, seeds 1–3). Without side information
 * the picks' implicit ALS kept a "loves one genre, dislikes another" listener on taste in 57–78 %
 * of lists; with 3 per trait 92–97 %; with 6 per genre and artist and 4 per decade 96–98 %, and
 * 100 % for two loved genres or one era. More decade weight pulls an era lover's lists in but
 * lets a genre lover's drift across genres; more artist weight changed nothing measurable.
 */
const copiesPerTrait = { genre: 6, artist: 6, decade: 4 } as const;

/** The traits that tie songs together for a listener with only a handful of ratings. */
function traitsOf(track: Track): string[] {
  const traits = track.genres.map((genre) => `genre:${genre}`);
  if (track.year !== null) traits.push(`decade:${Math.floor(track.year / 10) * 10}`);
  if (track.artists[0] !== undefined) traits.push(`artist:${track.artists[0].toLowerCase()}`);
  return traits;
}

/**
 * The catalog's side information as pseudo-listeners for the ranking model: for each genre,
 * decade and primary artist, a few listeners ({@link copiesPerTrait}) who "love" (5★) every song
 * that has it. Their ids are negative, so no real listener's can clash. A trait only one song has
 * ties nothing together and is left out.
 */
export function trackSideInformation(tracks: readonly Track[]): RatingArrays {
  const songsByTrait = new Map<string, number[]>();
  for (const track of tracks) {
    for (const trait of traitsOf(track)) {
      const songs = songsByTrait.get(trait) ?? [];
      songs.push(track.id);
      songsByTrait.set(trait, songs);
    }
  }
  const userIds: number[] = [];
  const trackIds: number[] = [];
  let pseudoListener = 0;
  for (const trait of [...songsByTrait.keys()].sort()) {
    const songs = songsByTrait.get(trait)!;
    if (songs.length < 2) continue;
    const kind = trait.slice(0, trait.indexOf(':')) as keyof typeof copiesPerTrait;
    for (let copy = 0; copy < copiesPerTrait[kind]; copy++) {
      pseudoListener -= 1;
      for (const trackId of songs) {
        userIds.push(pseudoListener);
        trackIds.push(trackId);
      }
    }
  }
  return {
    userIds: Int32Array.from(userIds),
    trackIds: Int32Array.from(trackIds),
    ratings: new Float32Array(userIds.length).fill(5),
  };
}
