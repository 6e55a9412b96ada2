import type { NewWork, RawTrackWrite } from '../store/crawl-repository.ts';
import { laterPages, pagePath } from './crawl-requests.ts';
import type { PagedKind, WorkKind } from './crawl-requests.ts';
import { isRecord, readContext, readPage } from './raw-shapes.ts';
import type { JsonRecord, Page, WorkContext } from './raw-shapes.ts';
import type { SpotifyFailure } from './spotify-error.ts';

export interface StepOutput {
  readonly tracks: RawTrackWrite[];
  readonly children: NewWork[];
}

export type StepResult =
  | { readonly ok: true; readonly output: StepOutput }
  | { readonly ok: false; readonly error: SpotifyFailure };

/**
 * A track object to keep, keyed by its id (a local file has none: its URI stands in, so the
 * cleaner can count it). `isFull` is false for tracks composed from an album page.
 */
function toWrite(item: unknown, isFull: boolean): RawTrackWrite[] {
  if (!isRecord(item)) return [];
  const key = typeof item.id === 'string' && item.id !== '' ? item.id : item.uri;
  if (typeof key !== 'string' || key === '') return [];
  return [{ spotifyId: key, json: JSON.stringify(item), isFull }];
}

function malformed(kind: WorkKind, what: string): StepResult {
  return {
    ok: false,
    error: { code: 'malformed-response', message: `Spotify's answer to a ${kind} request ${what}` },
  };
}

function done(tracks: RawTrackWrite[], children: NewWork[] = []): StepResult {
  return { ok: true, output: { tracks, children } };
}

/** Later pages are discovered from the first one only: it carries the total. */
function pagesAfter(
  kind: PagedKind,
  context: WorkContext,
  page: Page,
  album?: JsonRecord,
): NewWork[] {
  if (context.offset !== 0) return [];
  return laterPages(kind, context.subject, page.items.length, page.total, album && { album });
}

/**
 * Album pages hold simplified tracks (no album, no ISRC). Attaching the album makes them the
 * shape of a full track object minus `external_ids`: one request per 50 tracks instead of one
 * per track, which matters under a rate limit.
 */
function withAlbum(items: readonly unknown[], album: JsonRecord): RawTrackWrite[] {
  return items.flatMap((item) => (isRecord(item) ? toWrite({ ...item, album }, false) : []));
}

function albumStep(body: unknown, context: WorkContext): StepResult {
  if (!isRecord(body)) return malformed('album', 'is not an album object');
  const page = readPage(body.tracks);
  if (page === undefined) return malformed('album', 'has no tracks page');
  // The album travels with its later pages' requests; its track list and market list do not.
  const album = Object.fromEntries(
    Object.entries(body).filter(([key]) => key !== 'tracks' && key !== 'available_markets'),
  );
  return done(withAlbum(page.items, album), pagesAfter('album-tracks', context, page, album));
}

function artistAlbumsStep(page: Page, context: WorkContext): StepResult {
  const albums: NewWork[] = [];
  for (const item of page.items)
    if (isRecord(item) && typeof item.id === 'string')
      albums.push({ kind: 'album', path: `/albums/${item.id}`, context: { subject: item.id } });
  return done([], [...albums, ...pagesAfter('artist-albums', context, page)]);
}

/** Turns one answer into the track objects it holds and the requests it reveals. */
export function interpretAnswer(kind: WorkKind, body: unknown, rawContext: unknown): StepResult {
  const context = readContext(rawContext);
  switch (kind) {
    case 'track':
      return isRecord(body) ? done(toWrite(body, true)) : malformed(kind, 'is not a track object');
    case 'album':
      return albumStep(body, context);
    case 'playlist': {
      if (!isRecord(body)) return malformed(kind, 'is not a playlist object');
      const { subject } = context;
      const items = { kind: 'playlist-items', path: pagePath('playlist-items', subject, 0) };
      return done([], [{ ...items, context: { subject, offset: 0 } }]);
    }
    default: {
      const page = readPage(kind === 'search-page' && isRecord(body) ? body.tracks : body);
      if (page === undefined) return malformed(kind, 'is not a page of items');
      return interpretPage(kind, page, context);
    }
  }
}

function interpretPage(kind: PagedKind, page: Page, context: WorkContext): StepResult {
  switch (kind) {
    case 'search-page':
      return done(
        page.items.flatMap((item) => toWrite(item, true)),
        pagesAfter(kind, context, page),
      );
    case 'album-tracks':
      return context.album === undefined
        ? malformed(kind, 'arrived without its album')
        : done(
            withAlbum(page.items, context.album),
            pagesAfter(kind, context, page, context.album),
          );
    case 'artist-albums':
      return artistAlbumsStep(page, context);
    case 'playlist-items': {
      // Entries are `{ added_at, item }` (formerly `track`); removed tracks are null.
      const tracks = page.items.flatMap((entry) =>
        isRecord(entry) ? toWrite(entry.item ?? entry.track, true) : [],
      );
      return done(tracks, pagesAfter(kind, context, page));
    }
  }
}
