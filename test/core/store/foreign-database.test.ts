import Sqlite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { earshotApplicationId } from '../../../main/core/store/database-identity.ts';
import { openStore } from '../../../main/core/store/store.ts';
import { StoreError } from '../../../main/core/store/store-error.ts';
import { makeTempDir, tempDbPath } from '../../helpers/temp-dir.ts';

const hashOf = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/** Another program's SQLite file: its own `users` table, a row, in the journal mode given. */
function otherAppDatabase(options: { wal?: boolean; applicationId?: number } = {}): string {
  const path = tempDbPath();
  const db = new Sqlite(path);
  if (options.wal) db.pragma('journal_mode = WAL');
  if (options.applicationId !== undefined) db.pragma(`application_id = ${options.applicationId}`);
  db.exec(
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users VALUES (1, 'a@b.c')",
  );
  db.close();
  return path;
}

function refusal(open: () => unknown): StoreError {
  try {
    open();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('a database that is not Earshot’s', () => {
  it.each([
    ['in rollback-journal mode', {}],
    ['in WAL mode', { wal: true }],
    ['with an application id of its own', { applicationId: 0x12345678 }],
  ])('is refused %s, byte for byte as it was, with nothing written beside it', (_, options) => {
    const path = otherAppDatabase(options);
    const before = hashOf(path);
    const siblings = readdirSync(dirname(path));
    const error = refusal(() => openStore(path));
    expect(error.code).toBe('foreign');
    expect(error.message).toContain(path);
    expect(error.message).not.toContain('\n');
    expect(hashOf(path)).toBe(before);
    expect(readdirSync(dirname(path))).toEqual(siblings);
  });

  it('is refused when it has some of Earshot’s table names but not its schema', () => {
    const path = tempDbPath();
    const db = new Sqlite(path);
    db.exec('CREATE TABLE tracks (id INTEGER PRIMARY KEY); CREATE TABLE ratings (x)');
    db.close();
    const before = hashOf(path);
    expect(refusal(() => openStore(path)).code).toBe('foreign');
    expect(hashOf(path)).toBe(before);
  });

  it('is refused even by a command that may create databases when the file is not SQLite', () => {
    const path = tempDbPath();
    writeFileSync(path, 'not a database at all, just text\n'.repeat(10));
    const before = hashOf(path);
    expect(refusal(() => openStore(path, { create: true })).code).toBe('not-a-database');
    expect(hashOf(path)).toBe(before);
  });
});

describe('where a database may be created', () => {
  it('creates a missing file only when asked to, and says it did', () => {
    const path = tempDbPath();
    expect(refusal(() => openStore(path, { create: false })).code).toBe('missing');
    expect(existsSync(path)).toBe(false);
    const store = openStore(path, { create: true });
    expect(store.created).toBe(true);
    store.close();
    const again = openStore(path, { create: false });
    expect(again.created).toBe(false);
    again.close();
  });

  it('never creates folders: a mistyped --db folder is refused and not made', () => {
    const path = join(makeTempDir(), 'typo', 'x.db');
    const error = refusal(() => openStore(path, { create: true }));
    expect(error.code).toBe('no-folder');
    expect(error.message).toContain(join(dirname(path)));
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('makes an empty file (a first run that died before its first write) a database', () => {
    const path = tempDbPath();
    writeFileSync(path, '');
    const store = openStore(path, { create: true });
    expect(store.created).toBe(true);
    expect(store.db.pragma('application_id', { simple: true })).toBe(earshotApplicationId);
    store.close();
  });
});
