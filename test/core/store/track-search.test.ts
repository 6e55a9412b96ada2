import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TrackInput } from '../../../main/core/catalog/track.ts';
import { migrations } from '../../../main/core/store/migrations.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { ftsQuery } from '../../../main/core/store/track-search.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

function song(itemKey: string, title: string, artists: string[]): TrackInput {
  return {
    itemKey,
    source: 'catalog',
    title,
    artists: artists.map((name) => ({ name })),
    genres: ['pop'],
  };
}

const songs = [
  song('beyonce--halo', 'Halo', ['Beyoncé']),
  song('queen--bohemian-rhapsody', 'Bohemian Rhapsody', ['Queen']),
  song('bowie--heroes', '"Heroes"', ['David Bowie']),
  song('heroes-del-silencio--entre-dos-tierras', 'Entre dos tierras', ['Héroes del Silencio']),
  song('sinatra--dont', "Don't Sleep in the Subway", ['Petula Clark']),
  song('zaz--je-veux', 'Je veux', ['ZAZ']),
  song('queen-bowie--under-pressure', 'Under Pressure', ['Queen', 'David Bowie']),
];

function titles(store: Store, query: string): string[] {
  return store.search.ids(query, 10).map((id) => store.tracks.get(id)!.title);
}

function withSongs(): Store {
  const store = openStore(tempDbPath());
  store.tracks.upsertMany(songs);
  return store;
}

describe('search over titles and artists', () => {
  it('ignores case and diacritics both ways, and matches words by their start', () => {
    const store = withSongs();
    expect(titles(store, 'beyonce')).toEqual(['Halo']);
    expect(titles(store, 'BEYONCÉ halo')).toEqual(['Halo']);
    expect(titles(store, 'bohem rhap')).toEqual(['Bohemian Rhapsody']);
    expect(titles(store, 'héroes silencio')).toEqual(['Entre dos tierras']);
    expect(titles(store, 'dont sleep')).toEqual(["Don't Sleep in the Subway"]);
    expect(titles(store, 'don’t')).toEqual(["Don't Sleep in the Subway"]);
    store.close();
  });

  it('puts a title match before an artist match, and needs every word', () => {
    const store = withSongs();
    expect(titles(store, 'heroes')).toEqual(['"Heroes"', 'Entre dos tierras']);
    expect(titles(store, 'queen')).toEqual(['Bohemian Rhapsody', 'Under Pressure']);
    expect(titles(store, 'queen bowie')).toEqual(['Under Pressure']);
    expect(titles(store, 'queen zaz')).toEqual([]);
    store.close();
  });

  it('reads nothing typed as search syntax, and finds nothing without a word', () => {
    const store = withSongs();
    expect(ftsQuery('title:halo OR "x" NOT -y*')).toBe('"title"* "halo"* "OR"* "x"* "NOT"* "y"*');
    expect(titles(store, 'halo AND')).toEqual([]);
    expect(titles(store, 'halo OR queen')).toEqual([]);
    expect(titles(store, '"*^-:')).toEqual([]);
    expect(titles(store, '')).toEqual([]);
    store.close();
  });

  it('follows the catalog as songs are renamed, re-credited, added, deleted and imported as placeholders', () => {
    const store = withSongs();
    store.tracks.upsertMany([
      song('zaz--je-veux', 'Je veux (live)', ['Zaz', 'Renaud']),
      song('new--song', 'Ünïcode Song', ['Brand New']),
    ]);
    expect(titles(store, 'renaud')).toEqual(['Je veux (live)']);
    expect(titles(store, 'live')).toEqual(['Je veux (live)']);
    expect(titles(store, 'unicode')).toEqual(['Ünïcode Song']);
    store.tracks.addPlaceholders(['unicode-item']);
    expect(titles(store, 'item')).toEqual([]);
    store.tracks.upsertMany(songs);
    expect(titles(store, 'renaud')).toEqual([]);
    expect(titles(store, 'zaz')).toEqual(['Je veux']);
    store.db.prepare("DELETE FROM tracks WHERE item_key = 'beyonce--halo'").run();
    expect(titles(store, 'halo')).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM track_search').pluck().get()).toBe(
      store.tracks.count('catalog'),
    );
    store.close();
  });

  it('indexes the songs of a version 3 database when it is upgraded', () => {
    const path = tempDbPath();
    const old = new Sqlite(path);
    for (const step of migrations.filter((m) => m.version <= 3)) {
      step.up(old);
      old.pragma(`user_version = ${step.version}`);
    }
    old.exec(`
      INSERT INTO artists (id, name, name_key) VALUES (1, 'Sigur Rós', 'sigur ros'), (2, 'Björk', 'bjork');
      INSERT INTO tracks (id, item_key, source, title, dedupe_key, created_at) VALUES
        (1, 'a', 'catalog', 'Hoppípolla', 'a', 0), (2, 'b', 'catalog', 'Jóga', 'b', 0);
      INSERT INTO track_artists VALUES (1, 0, 1), (2, 0, 2);
      INSERT INTO users (id, kind, external_id, created_at) VALUES (1, 'local', 'me', 0);
      INSERT INTO ratings VALUES (1, 1, 4.5, 100);`);
    old.close();
    const store = openStore(path, { create: false });
    expect(store.db.pragma('user_version', { simple: true })).toBe(4);
    expect(titles(store, 'hoppipolla')).toEqual(['Hoppípolla']);
    expect(titles(store, 'sigur ros')).toEqual(['Hoppípolla']);
    expect(titles(store, 'bjork')).toEqual(['Jóga']);
    expect(store.ratings.forUser(1)).toEqual([{ trackId: 1, rating: 4.5, ratedAt: 100 }]);
    expect(store.setAside.count()).toBe(0);
    store.close();
  });
});
