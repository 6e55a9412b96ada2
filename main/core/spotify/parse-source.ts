/** What a crawl can start from. */
export type SourceKind = 'search' | 'album' | 'artist' | 'track' | 'playlist';

export type CrawlSource =
  | {
      readonly kind: 'search';
      /** Canonical text, also the source's identity in the crawl state: `search:<query>`. */
      readonly key: string;
      readonly query: string;
      /** The tag this source gives its tracks, from a `genre:` filter. */
      readonly genre: string | undefined;
    }
  | {
      readonly kind: Exclude<SourceKind, 'search'>;
      /** Canonical text: `album:<id>`, `artist:<id>`, `track:<id>`, `playlist:<id>`. */
      readonly key: string;
      readonly id: string;
    };

export type ParseSourceResult =
  | { readonly ok: true; readonly source: CrawlSource }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'invalid-source'; readonly message: string };
    };

const idKinds: readonly string[] = ['album', 'artist', 'track', 'playlist'];
const spotifyId = /^[0-9A-Za-z]{22}$/;
const usage =
  'expected a Spotify link (https://open.spotify.com/album/…), a URI (spotify:album:…) or search:<query>';

function invalid(text: string, why: string): ParseSourceResult {
  return { ok: false, error: { code: 'invalid-source', message: `"${text}": ${why}` } };
}

function byId(text: string, type: string, id: string): ParseSourceResult {
  if (!idKinds.includes(type))
    return invalid(
      text,
      `a Spotify ${type} cannot be crawled; sources are albums, artists, tracks, playlists and searches`,
    );
  if (!spotifyId.test(id))
    return invalid(text, `"${id}" is not a Spotify id (22 letters and digits)`);
  const kind = type as Exclude<SourceKind, 'search'>;
  return { ok: true, source: { kind, key: `${kind}:${id}`, id } };
}

/** The `genre:` filter's value (quoted or not), lower-cased: the tag for what the query finds. */
function readGenres(query: string): string[] {
  return [...query.matchAll(/(?:^|\s)genre:(?:"([^"]*)"|(\S*))/gi)].map((m) =>
    (m[1] ?? m[2] ?? '').trim().toLowerCase(),
  );
}

function yearProblem(query: string): string | undefined {
  for (const [, value = ''] of query.matchAll(/(?:^|\s)year:(\S*)/gi)) {
    const range = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
    if (range === null || Number(range[2] ?? range[1]) < Number(range[1]))
      return `year:${value} is not a year filter; write year:1999 or year:1990-1999`;
  }
  return undefined;
}

function bySearch(text: string, rawQuery: string): ParseSourceResult {
  const query = rawQuery.trim().replace(/\s+/g, ' ');
  if (query === '') return invalid(text, 'the search query is empty; write search:<query>');
  const genres = readGenres(query);
  if (genres.includes('')) return invalid(text, 'genre: needs a value, e.g. genre:jazz');
  if (genres.length > 1)
    return invalid(text, 'use one genre: filter per search (its tracks are tagged with it)');
  const yearIssue = yearProblem(query);
  if (yearIssue !== undefined) return invalid(text, yearIssue);
  return { ok: true, source: { kind: 'search', key: `search:${query}`, query, genre: genres[0] } };
}

function byUrl(text: string): ParseSourceResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(text, `not a valid link; ${usage}`);
  }
  if (url.hostname !== 'open.spotify.com')
    return invalid(text, `not an open.spotify.com link; ${usage}`);
  const parts = url.pathname.split('/').filter((part) => part !== '');
  // Localised links carry a prefix: /intl-de/track/…, /intl-pt-BR/album/…
  if (/^intl-[a-z]{2}(?:-[a-z]{2})?$/i.test(parts[0] ?? '')) parts.shift();
  const [type = '', ...rest] = parts;
  if (type === 'search' && rest.length > 0)
    return bySearch(text, decodeURIComponent(rest.join('/')));
  if (rest.length !== 1)
    return invalid(text, `not a link to one album, artist, track or playlist; ${usage}`);
  return byId(text, type, rest[0] ?? '');
}

/**
 * Reads one crawl source: `https://open.spotify.com/{type}/{id}` (with `?si=…` and `/intl-xx/`
 * variants), `spotify:{type}:{id}`, or `search:<query>` (Spotify's filters such as
 * `genre:jazz year:1960-1969` allowed). Anything else is refused with a message saying why,
 * before any request is made.
 */
export function parseSource(text: string): ParseSourceResult {
  const trimmed = text.trim();
  if (trimmed === '') return invalid(text, `empty; ${usage}`);
  const search = /^search:(.*)$/is.exec(trimmed);
  if (search) return bySearch(trimmed, search[1] ?? '');
  if (/^spotify:/i.test(trimmed)) {
    const parts = trimmed.split(':');
    if (parts.length !== 3)
      return invalid(trimmed, `not a Spotify URI of the form spotify:album:<id>`);
    return byId(trimmed, (parts[1] ?? '').toLowerCase(), parts[2] ?? '');
  }
  if (/^https?:\/\//i.test(trimmed)) return byUrl(trimmed);
  return invalid(trimmed, usage);
}

/** Parses every source, or reports every one that is wrong (so the user fixes them at once). */
export function parseSources(
  texts: readonly string[],
): { ok: true; sources: CrawlSource[] } | { ok: false; errors: string[] } {
  const sources: CrawlSource[] = [];
  const errors: string[] = [];
  for (const text of texts) {
    const result = parseSource(text);
    if (!result.ok) errors.push(result.error.message);
    else if (!sources.some((s) => s.key === result.source.key)) sources.push(result.source);
  }
  if (texts.length === 0) errors.push(`no source given; ${usage}`);
  return errors.length === 0 ? { ok: true, sources } : { ok: false, errors };
}
