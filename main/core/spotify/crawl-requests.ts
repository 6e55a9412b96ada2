import type { NewWork } from '../store/crawl-repository.ts';
import { crawlLimits } from './crawl-limits.ts';
import type { CrawlSource } from './parse-source.ts';

/** The requests a crawl makes. Each kind is handled by one step in `crawl-steps.ts`. */
export type WorkKind =
  | 'search-page'
  | 'album'
  | 'album-tracks'
  | 'artist-albums'
  | 'track'
  | 'playlist'
  | 'playlist-items';

const workKinds: readonly string[] = [
  'search-page',
  'album',
  'album-tracks',
  'artist-albums',
  'track',
  'playlist',
  'playlist-items',
] satisfies WorkKind[];

export function isWorkKind(kind: string): kind is WorkKind {
  return workKinds.includes(kind);
}

/** Page sizes Spotify accepts from a new app (search: at most 10; artist albums: capped at 10). */
export const pageSize = {
  'search-page': 10,
  'album-tracks': 50,
  'artist-albums': 10,
  'playlist-items': 50,
} as const;

/** Spotify serves search results up to this offset and no further. */
const maxSearchOffset = crawlLimits.maxItems['search-page'];

export type PagedKind = keyof typeof pageSize;

/** A page request's path; `query` is what identifies the collection (the search text, an id). */
export function pagePath(kind: PagedKind, subject: string, offset: number): string {
  const limit = pageSize[kind];
  switch (kind) {
    case 'search-page':
      return `/search?q=${encodeURIComponent(subject)}&type=track&limit=${limit}&offset=${offset}`;
    case 'album-tracks':
      return `/albums/${subject}/tracks?limit=${limit}&offset=${offset}`;
    case 'artist-albums':
      // Own albums and singles only: `appears_on` and `compilation` would pull in other
      // artists' tracks and re-releases of the same recordings.
      return `/artists/${subject}/albums?include_groups=album,single&limit=${limit}&offset=${offset}`;
    case 'playlist-items':
      return `/playlists/${subject}/items?limit=${limit}&offset=${offset}`;
  }
}

/** The first request of a source; the others are discovered from the answers. */
export function firstWork(source: CrawlSource): NewWork {
  switch (source.kind) {
    case 'search':
      return {
        kind: 'search-page',
        path: pagePath('search-page', source.query, 0),
        context: { subject: source.query, offset: 0 },
      };
    case 'artist':
      return {
        kind: 'artist-albums',
        path: pagePath('artist-albums', source.id, 0),
        context: { subject: source.id, offset: 0 },
      };
    case 'album':
      return { kind: 'album', path: `/albums/${source.id}`, context: { subject: source.id } };
    case 'track':
      return { kind: 'track', path: `/tracks/${source.id}`, context: { subject: source.id } };
    case 'playlist':
      return { kind: 'playlist', path: `/playlists/${source.id}`, context: { subject: source.id } };
  }
}

/**
 * The pages after the first, all known once the first tells the total: they are queued at
 * once so two can be in flight, instead of walking `next` links one at a time.
 */
export function laterPages(
  kind: PagedKind,
  subject: string,
  firstPageItems: number,
  total: number,
  extra?: Record<string, unknown>,
): NewWork[] {
  // Never more pages than the collection can really have, whatever `total` claims.
  const bounded = Math.min(total, crawlLimits.maxItems[kind]);
  const last = kind === 'search-page' ? Math.min(total - 1, maxSearchOffset) : bounded - 1;
  const pages: NewWork[] = [];
  if (firstPageItems === 0) return pages;
  for (let offset = firstPageItems; offset <= last; offset += pageSize[kind])
    pages.push({
      kind,
      path: pagePath(kind, subject, offset),
      context: { ...extra, subject, offset },
    });
  return pages;
}
