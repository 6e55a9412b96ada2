import Sqlite from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { earshotApplicationId } from '../../../main/core/store/database-identity.ts';
import { latestSchemaVersion } from '../../../main/core/store/migrations.ts';
import { openDatabase } from '../../../main/core/store/open-database.ts';
import { StoreError } from '../../../main/core/store/store-error.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

describe('openDatabase', () => {
  it('creates a new file at the latest schema in WAL mode with foreign keys on', () => {
    const path = tempDbPath();
    const { db, created } = openDatabase(path);
    expect(created).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(earshotApplicationId);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['tracks', 'users', 'ratings', 'models']));
    db.close();
  });

  it('reopens an existing database without migrating it again', () => {
    const path = tempDbPath();
    const first = openDatabase(path).db;
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    first.close();
    const second = openDatabase(path);
    expect(second.created).toBe(false);
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    second.db.close();
  });

  it('rejects a file that is not SQLite, naming the path and leaving the file untouched', () => {
    const path = tempDbPath();
    const content = 'userID,itemID,rating\n1,2,3\n'.repeat(200);
    writeFileSync(path, content);
    let thrown: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreError);
    expect((thrown as StoreError).code).toBe('not-a-database');
    expect((thrown as StoreError).message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('rejects a database from a newer schema and leaves it as it was', () => {
    const path = tempDbPath();
    const newer = new Sqlite(path);
    newer.pragma(`application_id = ${earshotApplicationId}`);
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(/newer Earshot/);
    expect(() => openDatabase(path)).toThrow(path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
