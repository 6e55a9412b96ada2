import { describe, expect, it } from 'vitest';
import { parseCatalog, readCatalogFile } from '../../../main/core/catalog/catalog-file.ts';
import {
  defaultCatalogPath,
  loadEmbeddedCatalog,
} from '../../../main/core/catalog/embedded-catalog.ts';
import { recordingKey } from '../../../main/core/catalog/normalise.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

describe('the embedded catalog file', () => {
  const entries = readCatalogFile(defaultCatalogPath);

  it('holds at least 600 recordings, none of them twice', () => {
    expect(entries.length).toBeGreaterThanOrEqual(600);
    const keys = entries.map((e) => recordingKey(e.title, e.artists));
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual([]);
  });

  it('covers at least 12 genres with at least 30 tracks each', () => {
    const perGenre = new Map<string, number>();
    for (const entry of entries)
      for (const g of entry.genres) perGenre.set(g, (perGenre.get(g) ?? 0) + 1);
    const wellCovered = [...perGenre].filter(([, count]) => count >= 30);
    expect(wellCovered.length).toBeGreaterThanOrEqual(12);
  });

  it('covers every decade from the 1950s to the 2020s', () => {
    const decades = new Set(entries.map((e) => Math.floor(e.year / 10) * 10));
    for (let decade = 1950; decade <= 2020; decade += 10) expect(decades).toContain(decade);
  });

  it('credits at least 250 distinct artists', () => {
    expect(new Set(entries.flatMap((e) => e.artists)).size).toBeGreaterThanOrEqual(250);
  });
});

describe('parseCatalog', () => {
  it('names the file, the entry and the field of a bad entry', () => {
    const text = JSON.stringify({
      tracks: [
        { title: 'Good', artists: ['A'], year: 1999, genres: ['rock'] },
        { title: 'Bad Year', artists: ['B'], year: 1999.5, genres: ['rock'] },
      ],
    });
    expect(() => parseCatalog(text, 'catalog.json')).toThrow(
      'catalog.json: tracks[1] ("Bad Year"): field "year" must be a whole year',
    );
  });

  it('rejects invented identifiers such as a Spotify id', () => {
    const text = JSON.stringify({
      tracks: [{ title: 'X', artists: ['A'], year: 2001, genres: ['pop'], spotifyId: 'abc' }],
    });
    expect(() => parseCatalog(text, 'c.json')).toThrow('unknown field "spotifyId"');
  });

  it('rejects unknown genres and text that is not JSON', () => {
    const text = JSON.stringify({
      tracks: [{ title: 'X', artists: ['A'], year: 2001, genres: ['polka'] }],
    });
    expect(() => parseCatalog(text, 'c.json')).toThrow('unknown genre "polka"');
    expect(() => parseCatalog('{"tracks": [', 'c.json')).toThrow('c.json: not valid JSON');
  });
});

describe('loadEmbeddedCatalog', () => {
  it('fills an empty store, then refreshes it without duplicating anything', () => {
    const store = openStore(tempDbPath());
    const entries = readCatalogFile(defaultCatalogPath);
    const first = loadEmbeddedCatalog(store);
    expect(first).toEqual({ inserted: entries.length, updated: 0 });
    const second = loadEmbeddedCatalog(store);
    expect(second).toEqual({ inserted: 0, updated: entries.length });
    expect(store.tracks.count()).toBe(entries.length);
    const track = store.tracks.list().find((t) => t.title === entries[0].title)!;
    expect(track.artists).toEqual(entries[0].artists);
    expect(track.genres).toEqual([...entries[0].genres].sort());
    expect(track.spotifyUrl).toBeNull();
    store.close();
  });
});
