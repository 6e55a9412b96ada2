import { describe, expect, it } from 'vitest';
import { parseSource, parseSources } from '../../../main/core/spotify/parse-source.ts';

const id = '4uLU6hMCjMI75M1A2tKUQC';

function errorOf(text: string): string {
  const result = parseSource(text);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  expect(result.error.code).toBe('invalid-source');
  return result.error.message;
}

describe('parseSource', () => {
  it.each([
    [`https://open.spotify.com/album/${id}`, 'album'],
    [`https://open.spotify.com/artist/${id}?si=a1b2c3d4e5`, 'artist'],
    [`https://open.spotify.com/intl-de/track/${id}?si=x`, 'track'],
    [`https://open.spotify.com/intl-pt-BR/playlist/${id}`, 'playlist'],
    [`spotify:track:${id}`, 'track'],
    [`  spotify:album:${id}  `, 'album'],
  ])('reads %s as a %s with its id and a canonical key', (text, kind) => {
    const result = parseSource(text);
    expect(result).toEqual({ ok: true, source: { kind, id, key: `${kind}:${id}` } });
  });

  it('reads a search, tidying its spaces and taking the genre filter as the tag', () => {
    const result = parseSource('search:  genre:Jazz   year:1960-1969 ');
    expect(result).toEqual({
      ok: true,
      source: {
        kind: 'search',
        key: 'search:genre:Jazz year:1960-1969',
        query: 'genre:Jazz year:1960-1969',
        genre: 'jazz',
      },
    });
  });

  it('takes a quoted genre whole and leaves a plain search untagged', () => {
    const quoted = parseSource('search:genre:"hip hop"');
    expect(quoted.ok && quoted.source.kind === 'search' && quoted.source.genre).toBe('hip hop');
    const plain = parseSource('search:blue river');
    expect(plain.ok && plain.source.kind === 'search' && plain.source.genre).toBeUndefined();
  });

  it('reads an open.spotify.com search link as a search', () => {
    const result = parseSource('https://open.spotify.com/search/kind%20of%20blue');
    expect(result.ok && result.source.key).toBe('search:kind of blue');
  });

  it('rejects an episode, a show or a user with the kinds it can crawl', () => {
    expect(errorOf(`https://open.spotify.com/episode/${id}`)).toMatch(
      /episode cannot be crawled; sources are albums, artists, tracks, playlists and searches/,
    );
    expect(errorOf(`spotify:show:${id}`)).toMatch(/show cannot be crawled/);
  });

  it('rejects an id that is not 22 letters and digits, quoting it', () => {
    expect(errorOf('spotify:album:abc')).toContain('"abc" is not a Spotify id');
    expect(errorOf(`https://open.spotify.com/track/${id}x`)).toContain('is not a Spotify id');
  });

  it('rejects other hosts, legacy user URIs and free text with the accepted forms', () => {
    expect(errorOf(`https://example.com/album/${id}`)).toContain('not an open.spotify.com link');
    expect(errorOf(`spotify:user:someone:playlist:${id}`)).toContain('spotify:album:<id>');
    expect(errorOf('kind of blue')).toContain('search:<query>');
    expect(errorOf('')).toContain('empty');
  });

  it('rejects an empty search, a bad year filter and two genre filters, saying how to fix them', () => {
    expect(errorOf('search:   ')).toContain('search query is empty');
    expect(errorOf('search:year:60s')).toContain('write year:1999 or year:1990-1999');
    expect(errorOf('search:year:1999-1990')).toContain('year:1999-1990 is not a year filter');
    expect(errorOf('search:genre:')).toContain('genre: needs a value');
    expect(errorOf('search:genre:jazz genre:rock')).toContain('one genre: filter per search');
  });
});

describe('parseSources', () => {
  it('reports every bad source at once, not only the first', () => {
    const result = parseSources(['spotify:album:bad', `spotify:track:${id}`, 'nonsense']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(2);
  });

  it('keeps one of each source when the same one is given twice', () => {
    const result = parseSources([
      `spotify:track:${id}`,
      `https://open.spotify.com/track/${id}?si=1`,
    ]);
    expect(result.ok && result.sources.map((s) => s.key)).toEqual([`track:${id}`]);
  });
});
