import type { CrawlOptions } from '../../../main/core/spotify/crawl-types.ts';
import { parseSources } from '../../../main/core/spotify/parse-source.ts';
import type { CrawlSource } from '../../../main/core/spotify/parse-source.ts';
import type { Store } from '../../../main/core/store/store.ts';
import type { FakeSpotify } from '../../fake-spotify/fake-spotify.ts';

/** Crawl options aimed at `fake`, with retries that take microseconds. */
export function optionsFor(fake: FakeSpotify, extra: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
    apiUrl: fake.apiUrl,
    accountsUrl: fake.accountsUrl,
    retry: { baseMs: 1, capMs: 4 },
    timeoutMs: 2000,
    ...extra,
  };
}

export function sources(...texts: string[]): CrawlSource[] {
  const parsed = parseSources(texts);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.sources;
}

/** The catalog as comparable rows: everything but row ids and timestamps. */
export function catalogRows(store: Store): unknown[] {
  return store.db
    .prepare(
      `SELECT t.item_key, t.source, t.title, t.album, t.album_type, t.year, t.release_date,
         t.duration_ms, t.explicit, t.isrc, t.spotify_id, t.spotify_url, t.image_url,
         (SELECT group_concat(genre) FROM track_genres g WHERE g.track_id = t.id) AS genres,
         (SELECT group_concat(a.name) FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
           WHERE ta.track_id = t.id) AS artists
       FROM tracks t ORDER BY t.item_key`,
    )
    .all();
}
