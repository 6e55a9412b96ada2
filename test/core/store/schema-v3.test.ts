import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/store/open-database.ts';
import { schemaV1 } from '../../../main/core/store/schema-v1.ts';
import { schemaV2Crawl } from '../../../main/core/store/schema-v2-crawl.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

describe('schema v3', () => {
  it('keeps every rating of a version 2 database and accepts half stars from 0.5', () => {
    const path = tempDbPath();
    const old = new Sqlite(path);
    old.exec(schemaV1);
    old.exec(schemaV2Crawl);
    old.pragma('user_version = 2');
    old.exec(`INSERT INTO users (id, kind, external_id, created_at) VALUES (1, 'imported', 'a', 0);
      INSERT INTO tracks (id, item_key, source, title, dedupe_key, created_at)
        VALUES (1, 'k', 'placeholder', 'K', 'k', 0);
      INSERT INTO ratings VALUES (1, 1, 4.5, 100);`);
    expect(() => old.exec('UPDATE ratings SET rating = 0.5')).toThrow(/CHECK/);
    old.close();
    const { db } = openDatabase(path, { create: false });
    expect(db.prepare('SELECT user_id, track_id, rating, rated_at FROM ratings').all()).toEqual([
      { user_id: 1, track_id: 1, rating: 4.5, rated_at: 100 },
    ]);
    db.exec('UPDATE ratings SET rating = 0.5');
    expect(() => db.exec('UPDATE ratings SET rating = 0.4')).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
