import { catalogGenres } from '../../main/core/catalog/catalog-file.ts';
import type { TrackInput } from '../../main/core/catalog/track.ts';
import { Prng } from '../../main/core/random.ts';

/**
 * A made-up catalog for tests that must not depend on the embedded one: `count` tracks over
 * every catalog genre, 1955–2024, with `count / 3` artists.
 */
export function syntheticCatalog(count: number, seed = 1): TrackInput[] {
  const random = new Prng(seed);
  const artistCount = Math.max(1, Math.floor(count / 3));
  return Array.from({ length: count }, (_, i) => {
    const genre = catalogGenres[i % catalogGenres.length];
    const second = catalogGenres[random.nextInt(catalogGenres.length)];
    return {
      itemKey: `synthetic-${i}`,
      source: 'catalog' as const,
      title: `Song ${i}`,
      artists: [{ name: `Artist ${random.nextInt(artistCount)}` }],
      genres: random.nextFloat() < 0.3 && second !== genre ? [genre, second] : [genre],
      year: 1955 + random.nextInt(70),
    };
  });
}
