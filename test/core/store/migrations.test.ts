import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { earshotApplicationId } from '../../../main/core/store/database-identity.ts';
import { latestSchemaVersion, migrations } from '../../../main/core/store/migrations.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

/**
 * A database as the Earshot that stopped at schema `version` left it: the migration steps up
 * to that version, run one by one, and no application id (none was set before this one).
 */
function databaseAtVersion(version: number): string {
  const path = tempDbPath();
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  for (const step of migrations.filter((m) => m.version <= version)) {
    step.up(db);
    db.pragma(`user_version = ${step.version}`);
  }
  if (version >= 1) {
    db.prepare("INSERT INTO users (kind, external_id, created_at) VALUES ('local', 'me', 1)").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('kept', '\"yes\"')").run();
  }
  db.close();
  return path;
}

const tableNames = (db: Sqlite.Database): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];

describe('upgrading from every earlier schema version', () => {
  const fresh = (): string[] => {
    const store = openStore(tempDbPath());
    const names = tableNames(store.db);
    store.close();
    return names;
  };

  it.each(Array.from({ length: latestSchemaVersion }, (_, version) => version + 1))(
    'brings a version %i database to the latest schema, keeping its data and claiming it',
    (version) => {
      const path = databaseAtVersion(version);
      const store = openStore(path, { create: false });
      expect(store.created).toBe(false);
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(store.db.pragma('application_id', { simple: true })).toBe(earshotApplicationId);
      expect(tableNames(store.db)).toEqual(fresh());
      expect(store.settings.get('kept')).toBe('yes');
      expect(store.users.countByKind().local).toBe(1);
      store.close();
    },
  );

  it('builds the whole schema on an empty (version 0) SQLite file', () => {
    const path = databaseAtVersion(0);
    const store = openStore(path, { create: true });
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(tableNames(store.db)).toEqual(fresh());
    store.close();
  });
});
