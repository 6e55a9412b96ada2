import { catalogGenres } from '../../main/core/catalog/catalog-file.ts';
import type { TrackInput } from '../../main/core/catalog/track.ts';
import { createRandom } from '../../main/core/random.ts';

/**
 * A made-up catalog for tests that must not depend on the embedded one: `count` tracks over
 * every catalog genre, 1955–2024, with `count / 3` artists.
 */
export function syntheticCatalog(count: number, seed = 1): TrackInput[] {
  const random = createRandom(seed);
  const artistCount = Math.max(1, Math.floor(count / 3));
  return Array.from({ length: count }, (_, i) => {
    const genre = catalogGenres[i % catalogGenres.length];
    const second = catalogGenres[random.int(catalogGenres.length)];
    return {
      itemKey: `synthetic-${i}`,
      source: 'catalog' as const,
      title: `Song ${i}`,
      artists: [{ name: `Artist ${random.int(artistCount)}` }],
      genres: random.next() < 0.3 && second !== genre ? [genre, second] : [genre],
      year: 1955 + random.int(70),
    };
  });
}
