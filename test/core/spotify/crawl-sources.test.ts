import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCrawl } from '../../../main/core/spotify/run-crawl.ts';
import type { CrawlProgress } from '../../../main/core/spotify/crawl-types.ts';
import { makeFakeData } from '../../fake-spotify/fake-data.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';
import { optionsFor, sources } from './crawl-fixtures.ts';
import { fakeSpotify, tempStore } from './harness.ts';

const offsetOf = (path: string): number =>
  Number(new URL(path, 'http://x').searchParams.get('offset'));

describe('runCrawl sources', () => {
  it('crawls a search in pages of 10 up to offset 1000 and tags its tracks with the genre', async () => {
    const fake = await fakeSpotify({
      data: { artists: 5, albumsPerArtist: 11, tracksPerAlbum: 100 },
    });
    const store = tempStore();
    const summary = await runCrawl(store, sources('search:genre:jazz'), optionsFor(fake));
    const searches = fake.apiRequests().filter((r) => r.path.startsWith('/v1/search'));
    expect(searches).toHaveLength(101);
    expect(searches.every((r) => r.path.includes('limit=10') && r.outcome === 200)).toBe(true);
    expect(Math.max(...searches.map((r) => offsetOf(r.path)))).toBe(1000);
    expect(summary).toMatchObject({ fetched: 1010, cleaned: 1010, stopped: null });
    expect(summary.sources).toEqual([
      {
        source: 'search:genre:jazz',
        kind: 'search',
        status: 'done',
        requests: 101,
        fetched: 1010,
        error: undefined,
      },
    ]);
    expect(store.tracks.genreCounts()).toEqual([{ genre: 'jazz', tracks: 1010 }]);
  });

  it('follows an album past its first 50 tracks, each track carrying the album', async () => {
    const fake = await fakeSpotify({
      data: { artists: 1, albumsPerArtist: 1, tracksPerAlbum: 120 },
    });
    const album = fake.data.albums[0];
    const store = tempStore();
    const summary = await runCrawl(store, sources(`spotify:album:${album.id}`), optionsFor(fake));
    expect(fake.apiRequests().map((r) => r.path)).toEqual([
      `/v1/albums/${album.id}`,
      `/v1/albums/${album.id}/tracks?limit=50&offset=50`,
      `/v1/albums/${album.id}/tracks?limit=50&offset=100`,
    ]);
    expect(summary.catalog.added).toBe(120);
    const tracks = store.tracks.list();
    expect(new Set(tracks.map((t) => t.album))).toEqual(new Set([album.name]));
    expect(new Set(tracks.map((t) => t.year))).toEqual(
      new Set([Number(album.releaseDate.slice(0, 4))]),
    );
  });

  it('crawls an artist: its albums and singles page by page, then their tracks, one per recording', async () => {
    const fake = await fakeSpotify({
      data: { artists: 2, albumsPerArtist: 12, tracksPerAlbum: 3, singles: true },
    });
    const artist = fake.data.artists[1];
    const store = tempStore();
    const summary = await runCrawl(
      store,
      sources(`https://open.spotify.com/artist/${artist.id}`),
      optionsFor(fake),
    );
    const paths = fake.apiRequests().map((r) => r.path);
    expect(paths.filter((p) => p.includes('/albums?'))).toHaveLength(2);
    expect(paths.filter((p) => /\/v1\/albums\/\w+$/.test(p))).toHaveLength(13);
    expect(summary.fetched).toBe(12 * 3 + 1);
    expect(summary.dropped['duplicate-recording']).toBe(1);
    expect(store.tracks.count('spotify')).toBe(36);
    expect(store.tracks.list().every((t) => t.artists[0] === artist.name)).toBe(true);
  });

  it('fetches a track source with its ISRC and Spotify link', async () => {
    const fake = await fakeSpotify();
    const track = fake.data.tracks[3];
    const store = tempStore();
    await runCrawl(store, sources(`spotify:track:${track.id}`), optionsFor(fake));
    const row = store.db.prepare('SELECT item_key, isrc, spotify_url FROM tracks').get();
    expect(row).toEqual({
      item_key: track.id,
      isrc: track.isrc,
      spotify_url: `https://open.spotify.com/track/${track.id}`,
    });
  });

  it('reports an editorial playlist (404) and an unreadable one (403) while the other sources go on', async () => {
    const fake = await fakeSpotify({
      playlists: [{ id: '0123456789abcdefghijkl', name: 'Mine', trackIds: [] }],
    });
    const album = fake.data.albums[0];
    const store = tempStore();
    const summary = await runCrawl(
      store,
      sources(
        'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M',
        `spotify:album:${album.id}`,
        'spotify:playlist:0123456789abcdefghijkl',
      ),
      optionsFor(fake),
    );
    const [editorial, albumReport, mine] = summary.sources;
    expect(editorial).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    expect(editorial.error!.message).toMatch(
      /editorial or algorithmic playlist; Spotify no longer serves those to new apps \(404\)/,
    );
    expect(mine).toMatchObject({ status: 'failed', error: { code: 'forbidden' } });
    expect(mine.error!.message).toMatch(/only to its owner or collaborators.*\(403\)/);
    expect(albumReport).toMatchObject({ status: 'done', fetched: album.trackIds.length });
    expect(summary.stopped).toBeNull();
    expect(store.tracks.count()).toBe(album.trackIds.length);
  });

  it('crawls a playlist Spotify does serve, counting its local files as dropped', async () => {
    const data = makeFakeData();
    const playlist = {
      id: '0123456789abcdefghijkl',
      name: 'Mine',
      trackIds: data.tracks.slice(0, 60).map((t) => t.id),
      localFiles: 2,
    };
    const fake = await fakeSpotify({ data, playlistItemsAllowed: true, playlists: [playlist] });
    const summary = await runCrawl(
      tempStore(),
      sources(`spotify:playlist:${playlist.id}`),
      optionsFor(fake),
    );
    expect(fake.apiRequests().map((r) => r.path)).toEqual([
      `/v1/playlists/${playlist.id}`,
      `/v1/playlists/${playlist.id}/items?limit=50&offset=0`,
      `/v1/playlists/${playlist.id}/items?limit=50&offset=50`,
    ]);
    expect(summary).toMatchObject({ fetched: 62, cleaned: 60 });
    expect(summary.dropped['local-file']).toBe(2);
  });

  it('reports a source whose answers are never JSON as failed, and the others go on', async () => {
    const fake = await fakeSpotify();
    const [bad, good] = fake.data.albums;
    fake.setFaults([{ match: `/albums/${bad.id}`, fault: { kind: 'malformed-json' } }]);
    const summary = await runCrawl(
      tempStore(),
      sources(`spotify:album:${bad.id}`, `spotify:album:${good.id}`),
      optionsFor(fake, { retry: { attempts: 2, baseMs: 1, capMs: 1 } }),
    );
    expect(summary.sources.map((s) => [s.status, s.error?.code])).toEqual([
      ['failed', 'malformed-response'],
      ['done', undefined],
    ]);
    expect(summary.stopped).toBeNull();
    expect(summary.cleaned).toBe(good.trackIds.length);
  });

  it('reports a missing album as that source failing, by its key', async () => {
    const fake = await fakeSpotify();
    const summary = await runCrawl(
      tempStore(),
      sources('spotify:album:0000000000000000000000'),
      optionsFor(fake),
    );
    expect(summary.sources[0]).toMatchObject({
      status: 'failed',
      error: {
        code: 'not-found',
        message: expect.stringMatching(/^album:0{22}: Spotify has no such resource/) as unknown,
      },
    });
  });

  it('enriches the embedded-catalog track a crawled track records again, instead of adding it', async () => {
    const fake = await fakeSpotify({ data: { artists: 1, albumsPerArtist: 1, tracksPerAlbum: 8 } });
    const [album, first] = [fake.data.albums[0], fake.data.tracks[0]];
    const store = tempStore();
    store.tracks.upsertMany([
      {
        itemKey: 'artist-0--first',
        source: 'catalog',
        title: first.name,
        artists: [{ name: 'Artist 0' }],
        genres: ['folk'],
        year: 1950,
      },
    ]);
    const summary = await runCrawl(store, sources(`spotify:album:${album.id}`), optionsFor(fake));
    expect(summary.catalog).toEqual({ added: 7, enriched: 1, updated: 0, duplicates: 0 });
    const row = store.db
      .prepare("SELECT source, spotify_id, year FROM tracks WHERE item_key = 'artist-0--first'")
      .get();
    expect(row).toEqual({ source: 'catalog', spotify_id: first.id, year: 1950 });
    expect(store.tracks.count()).toBe(8);
  });

  it('writes neither the client secret nor the credentials header into the database', async () => {
    const fake = await fakeSpotify({ data: { artists: 1, albumsPerArtist: 1, tracksPerAlbum: 5 } });
    const path = tempDbPath();
    const store = tempStore(path);
    await runCrawl(store, sources(`spotify:artist:${fake.data.artists[0].id}`), optionsFor(fake));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(path).toString('latin1');
    const basic = Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64');
    expect(bytes).toContain(fake.data.tracks[0].name);
    expect(bytes).not.toContain(fake.clientSecret);
    expect(bytes).not.toContain(basic);
  });

  it('reports progress for every answered request, then cleaning and joining', async () => {
    const fake = await fakeSpotify({ data: { artists: 1, albumsPerArtist: 3, tracksPerAlbum: 5 } });
    const events: CrawlProgress[] = [];
    const artist = fake.data.artists[0];
    await runCrawl(
      tempStore(),
      sources(`spotify:artist:${artist.id}`),
      optionsFor(fake, { onProgress: (p) => events.push(p) }),
    );
    const crawl = events.filter((e) => e.phase === 'crawl');
    expect(crawl.map((e) => e.requestsDone)).toEqual([1, 2, 3, 4]);
    expect(crawl.at(-1)).toMatchObject({
      requestsLeft: 0,
      fetched: 15,
      source: `artist:${artist.id}`,
    });
    expect(events.slice(-2)).toEqual([
      { phase: 'clean', rawTracks: 15 },
      { phase: 'join', tracks: 15 },
    ]);
  });

  it('keeps two requests in flight across sources and never more', async () => {
    const fake = await fakeSpotify({
      latencyMs: 5,
      data: { artists: 3, albumsPerArtist: 3, tracksPerAlbum: 4 },
    });
    const albums = fake.data.albums.map((a) => `spotify:album:${a.id}`);
    const summary = await runCrawl(tempStore(), sources(...albums), optionsFor(fake));
    expect(summary.fetched).toBe(36);
    expect(fake.maxInFlight).toBe(2);
  });
});
