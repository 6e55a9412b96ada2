import { describe, expect, it } from 'vitest';
import { cleanTracks } from '../../../main/core/catalog/clean-tracks.ts';
import type { SpotifyTrack } from '../../../main/core/catalog/clean-track.ts';
import { joinCatalog } from '../../../main/core/spotify/join-catalog.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { rawTrack, spotifyIdFor } from '../../fake-spotify/raw-tracks.ts';
import type { RawTrackOptions } from '../../fake-spotify/raw-tracks.ts';
import { tempStore } from './harness.ts';

function crawled(...tracks: [number, RawTrackOptions][]): SpotifyTrack[] {
  return cleanTracks(
    tracks.map(([n, options]) => ({
      track: rawTrack(n, options),
      fetchedAt: 500,
      genres: ['soul'],
    })),
  ).tracks;
}

function addCatalogTrack(store: Store): void {
  store.tracks.upsertMany([
    {
      itemKey: 'aretha-franklin--respect',
      source: 'catalog',
      title: 'Respect',
      artists: [{ name: 'Aretha Franklin' }],
      genres: ['r&b', 'soul'],
      year: 1967,
      album: 'I Never Loved a Man the Way I Love You',
    },
  ]);
}

function row(store: Store, itemKey: string): Record<string, unknown> {
  return store.db.prepare('SELECT * FROM tracks WHERE item_key = ?').get(itemKey) as Record<
    string,
    unknown
  >;
}

describe('joinCatalog', () => {
  it('enriches the embedded-catalog track of the same recording instead of adding a duplicate', () => {
    const store = tempStore();
    addCatalogTrack(store);
    const remaster = crawled([
      1,
      {
        title: 'Respect - 2003 Remaster',
        artist: 'ARETHA FRANKLIN',
        releaseDate: '2003-02-01',
        albumType: 'compilation',
      },
    ]);
    const summary = joinCatalog(store, remaster);
    expect(summary).toEqual({ added: 0, enriched: 1, updated: 0, duplicates: 0 });
    expect(store.tracks.count()).toBe(1);
    expect(row(store, 'aretha-franklin--respect')).toMatchObject({
      source: 'catalog',
      title: 'Respect',
      year: 1967,
      album: 'I Never Loved a Man the Way I Love You',
      album_type: null,
      release_date: null,
      spotify_id: spotifyIdFor(1),
      spotify_url: `https://open.spotify.com/track/${spotifyIdFor(1)}`,
      isrc: 'USAB12600001',
      fetched_at: 500,
    });
    expect(store.tracks.list()[0].genres).toEqual(['r&b', 'soul']);
    expect(row(store, 'aretha-franklin--respect').image_url).toMatch(
      /^https:\/\/i\.scdn\.co\/image\/m/,
    );
  });

  it('takes Spotify release details for a catalog track when the years agree', () => {
    const store = tempStore();
    addCatalogTrack(store);
    joinCatalog(
      store,
      crawled([1, { title: 'Respect', artist: 'Aretha Franklin', releaseDate: '1967-03-10' }]),
    );
    expect(row(store, 'aretha-franklin--respect')).toMatchObject({
      album_type: 'album',
      release_date: '1967-03-10',
      album: 'I Never Loved a Man the Way I Love You',
    });
  });

  it('adds new tracks under their Spotify id, and refreshes them on the next join', () => {
    const store = tempStore();
    expect(joinCatalog(store, crawled([1, {}], [2, {}]))).toEqual({
      added: 2,
      enriched: 0,
      updated: 0,
      duplicates: 0,
    });
    expect(joinCatalog(store, crawled([1, { title: 'Renamed' }], [2, {}]))).toEqual({
      added: 0,
      enriched: 0,
      updated: 2,
      duplicates: 0,
    });
    expect(row(store, spotifyIdFor(1))).toMatchObject({
      source: 'spotify',
      title: 'Renamed',
      spotify_id: spotifyIdFor(1),
    });
    expect(store.tracks.count()).toBe(2);
  });

  it('leaves out another release of a recording already stored from Spotify, keeping the stored row', () => {
    const store = tempStore();
    joinCatalog(store, crawled([1, { title: 'Hey Ya!', artist: 'OutKast', albumType: 'single' }]));
    const summary = joinCatalog(
      store,
      crawled([2, { title: 'Hey Ya!', artist: 'Outkast', albumType: 'album' }]),
    );
    expect(summary).toEqual({ added: 0, enriched: 0, updated: 0, duplicates: 1 });
    expect(store.tracks.list().map((t) => t.itemKey)).toEqual([spotifyIdFor(1)]);
  });

  it('turns an imported placeholder keyed by a Spotify id into that Spotify track', () => {
    const store = tempStore();
    store.tracks.addPlaceholders([spotifyIdFor(7)]);
    joinCatalog(store, crawled([7, { title: 'Found It' }]));
    expect(row(store, spotifyIdFor(7))).toMatchObject({ source: 'spotify', title: 'Found It' });
    expect(store.tracks.count()).toBe(1);
  });
});
