import type { FakeData, FakeTrack } from './fake-data.ts';

interface Query {
  genre: string | undefined;
  years: [number, number] | undefined;
  artist: string | undefined;
  words: string[];
}

/** Spotify's filter syntax, the part the crawler uses: `genre:`, `year:`, `artist:` and words. */
function parseQuery(q: string): Query {
  const query: Query = { genre: undefined, years: undefined, artist: undefined, words: [] };
  for (const [, field, quoted, bare] of q.matchAll(/(?:(\w+):)?(?:"([^"]*)"|(\S+))/g)) {
    const value = (quoted ?? bare ?? '').toLowerCase();
    if (field === 'genre') query.genre = value;
    else if (field === 'artist') query.artist = value;
    else if (field === 'year') {
      const [from, to = from] = value.split('-').map(Number);
      query.years = [from ?? 0, to ?? 0];
    } else query.words.push(value);
  }
  return query;
}

function matches(data: FakeData, track: FakeTrack, query: Query): boolean {
  const artists = track.artistIds.map((id) => data.artistById.get(id)!);
  const year = Number(data.albumById.get(track.albumId)!.releaseDate.slice(0, 4));
  if (query.genre !== undefined && !artists.some((a) => a.genres.includes(query.genre!)))
    return false;
  if (query.years !== undefined && (year < query.years[0] || year > query.years[1])) return false;
  if (query.artist !== undefined && !artists.some((a) => a.name.toLowerCase() === query.artist))
    return false;
  const text = `${track.name} ${artists.map((a) => a.name).join(' ')}`.toLowerCase();
  return query.words.every((word) => text.includes(word));
}

/** Every track a search for `q` finds, in a stable order. Results are cached per query. */
export function searchTracks(
  data: FakeData,
  q: string,
  cache: Map<string, FakeTrack[]>,
): FakeTrack[] {
  let found = cache.get(q);
  if (found === undefined) {
    const query = parseQuery(q);
    found = data.tracks.filter((track) => matches(data, track, query));
    cache.set(q, found);
  }
  return found;
}
