import type { Prng } from '../random.ts';

/**
 * What a simulated listener likes. Stored as the user's profile so that tracks added later are
 * rated by the same taste.
 */
export interface ListenerTaste {
  /** −1 (can't stand it) … +1 (loves it) per genre; genres not listed count as 0. */
  readonly genreWeights: Readonly<Record<string, number>>;
  /** The year the listener's favourite era centres on, and how wide that era is (years, 1 sd). */
  readonly eraCenter: number;
  readonly eraWidth: number;
  /** 0 (seeks the obscure) … 1 (plays the hits). */
  readonly mainstream: number;
  /** How generous the listener's stars are, added to every rating. */
  readonly raterBias: number;
  /** Artist keys (see `artistKey`) the listener loves or avoids. */
  readonly lovedArtists: readonly string[];
  readonly dislikedArtists: readonly string[];
  /** How many songs of the catalog the listener rated when created. */
  readonly activity: number;
}

/** Genres listeners tend to like together: a taste is drawn around one family. */
const genreFamilies: readonly (readonly string[])[] = [
  ['rock', 'metal', 'punk', 'indie'],
  ['pop', 'disco', 'electronic', 'r&b'],
  ['hip-hop', 'r&b', 'soul', 'funk'],
  ['jazz', 'blues', 'soul', 'funk'],
  ['folk', 'country', 'indie', 'rock'],
  ['reggae', 'latin', 'funk', 'disco'],
  ['electronic', 'indie', 'pop', 'hip-hop'],
];

function pick<T>(random: Prng, items: readonly T[]): T {
  const item = items[random.nextInt(items.length)];
  if (item === undefined) throw new RangeError('pick() needs a non-empty list');
  return item;
}

/**
 * Genre weights around one family: a favourite or two (0.75–1), the rest of the family liked
 * mildly (0–0.4), a few dislikes (−0.5 to −1) and indifference elsewhere (about 0).
 */
function drawGenreWeights(random: Prng, genres: readonly string[]): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const genre of genres) weights[genre] = random.nextNormal(0, 0.2);
  const family = pick(random, genreFamilies).filter((g) => genres.includes(g));
  for (const genre of family) weights[genre] = 0.4 * random.nextFloat();
  const favourites = 1 + random.nextInt(2);
  for (let i = 0; i < favourites && family.length > 0; i++) {
    weights[pick(random, family)] = 0.75 + 0.25 * random.nextFloat();
  }
  const outside = genres.filter((g) => !family.includes(g));
  const dislikes = 1 + random.nextInt(3);
  for (let i = 0; i < dislikes && outside.length > 0; i++) {
    weights[pick(random, outside)] = -0.5 - 0.5 * random.nextFloat();
  }
  return weights;
}

/** Activity is log-normal (median 40): most listeners rate a few dozen songs, a few hundreds. */
function drawActivity(random: Prng, catalogSize: number): number {
  const drawn = Math.round(Math.exp(random.nextNormal(Math.log(40), 1)));
  return Math.max(3, Math.min(drawn, Math.floor(catalogSize * 0.8)));
}

export function drawTaste(
  random: Prng,
  genres: readonly string[],
  artistKeys: readonly string[],
  catalogSize: number,
): ListenerTaste {
  const loved = Array.from({ length: 1 + random.nextInt(4) }, () => pick(random, artistKeys));
  const disliked = Array.from({ length: random.nextInt(3) }, () => pick(random, artistKeys));
  return {
    genreWeights: drawGenreWeights(random, genres),
    eraCenter: 1960 + 60 * random.nextFloat() ** 0.8,
    eraWidth: 6 + 14 * random.nextFloat(),
    mainstream: random.nextFloat(),
    raterBias: random.nextNormal(0, 0.35),
    lovedArtists: [...new Set(loved)],
    dislikedArtists: [...new Set(disliked)].filter((a) => !loved.includes(a)),
    activity: drawActivity(random, catalogSize),
  };
}
