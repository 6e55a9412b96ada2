import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { latestSchemaVersion, migrate } from './migrations.ts';
import { StoreError } from './store-error.ts';

function hasSqliteCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** Reads the schema version; the first read is where SQLite notices a file that is not a database. */
function readSchemaVersion(db: Database, path: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    if (hasSqliteCode(error, 'SQLITE_NOTADB')) {
      throw new StoreError(
        'not-a-database',
        path,
        `${path} is not an Earshot database (not SQLite).`,
        {
          cause: error,
        },
      );
    }
    throw new StoreError('cannot-open', path, `Cannot read ${path}: ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * Opens (creating if needed) the SQLite file at `path` and brings its schema up to date.
 *
 * The file is inspected before anything is written: a file that is not SQLite, or a database
 * written by a newer Earshot, raises a {@link StoreError} and is left exactly as it was.
 */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new Sqlite(path);
  } catch (error) {
    throw new StoreError('cannot-open', path, `Cannot open ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  const version = readSchemaVersion(db, path);
  if (version > latestSchemaVersion) {
    db.close();
    throw new StoreError(
      'newer-schema',
      path,
      `${path} was written by a newer Earshot (schema ${version}; this version knows up to ${latestSchemaVersion}). Update Earshot or use another --db.`,
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: large imports touch many B-tree pages; memory is only used when needed.
  db.pragma('cache_size = -65536');
  migrate(db, version);
  return db;
}
