import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isBusyError } from './busy.ts';
import { identifyDatabase } from './database-identity.ts';
import type { DatabaseIdentity } from './database-identity.ts';
import { latestSchemaVersion, migrate, newerSchemaError } from './migrations.ts';
import { StoreError } from './store-error.ts';

export interface OpenDatabaseOptions {
  /** May a missing (or empty) file become a new database? Default true. */
  readonly create?: boolean;
  /** How long a statement waits for another connection's lock. Default 5 s. */
  readonly busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  readonly db: Database;
  /** True when this call made a new database (the file was missing or empty). */
  readonly created: boolean;
}

function refuse(identity: DatabaseIdentity, path: string, create: boolean): void {
  switch (identity.kind) {
    case 'not-sqlite':
      throw new StoreError(
        'not-a-database',
        path,
        `${path} is not an Earshot database (not SQLite).`,
      );
    case 'foreign': {
      const tables =
        identity.tables.length > 0
          ? `: it has tables ${identity.tables.slice(0, 5).join(', ')}${identity.tables.length > 5 ? '…' : ''}`
          : '';
      throw new StoreError(
        'foreign',
        path,
        `${path} is another application's SQLite database${tables}. Earshot leaves it untouched; use another --db.`,
      );
    }
    case 'earshot':
      if (identity.version > latestSchemaVersion) throw newerSchemaError(path, identity.version);
      return;
    case 'missing':
    case 'empty':
      if (!create)
        throw new StoreError('missing', path, `There is no Earshot database at ${path}.`);
  }
}

/** Checks what is at `path` before SQLite touches it; returns whether it will be new. */
function inspect(path: string, create: boolean): boolean {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new StoreError(
      'no-folder',
      path,
      `Cannot use ${path}: the folder ${folder} does not exist.`,
    );
  if (existsSync(path) && statSync(path).isDirectory())
    throw new StoreError('cannot-open', path, `Cannot use ${path}: it is a folder, not a file.`);
  let identity: DatabaseIdentity;
  try {
    identity = identifyDatabase(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB')
      identity = { kind: 'not-sqlite' };
    else
      throw new StoreError('cannot-open', path, `Cannot read ${path}: ${String(error)}`, {
        cause: error,
      });
  }
  refuse(identity, path, create);
  return identity.kind === 'missing' || identity.kind === 'empty';
}

/**
 * Puts the database in WAL mode. Switching a new file's journal takes its exclusive lock, and
 * SQLite answers SQLITE_BUSY at once, without waiting its busy timeout, to a connection whose
 * wait could deadlock (it holds a shared lock while another asks for the exclusive one): several
 * processes creating the same database at the same moment. Such a connection tries again after
 * a short pause, until the busy timeout has passed. The switch is idempotent.
 */
function enableWal(db: Database, timeoutMs: number): void {
  const deadline = performance.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let delayMs = 1; ; delayMs = Math.min(50, delayMs * 2)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusyError(error) || performance.now() + delayMs > deadline) throw error;
    }
    Atomics.wait(pause, 0, 0, delayMs);
  }
}

function configure(db: Database, busyTimeoutMs: number): void {
  enableWal(db, busyTimeoutMs);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache: large imports touch many B-tree pages; memory is only used when needed.
  db.pragma('cache_size = -65536');
}

/**
 * Opens the SQLite file at `path` and brings its schema up to date.
 *
 * What is there is identified before anything is written: a file that is not SQLite, another
 * application's database, or one written by a newer Earshot raises a {@link StoreError} and
 * is left byte for byte as it was. A missing file becomes a new database only when `create`
 * allows, and never in a folder that does not exist (a mistyped `--db` is not a request to make
 * folders). Another process holding the lock is waited for up to `busyTimeoutMs`, then reported
 * as a `busy` StoreError.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const create = options.create ?? true;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const isNew = path === ':memory:' ? true : inspect(path, create);
  let db: Database;
  try {
    db = new Sqlite(path, { fileMustExist: !create, timeout: busyTimeoutMs });
  } catch (error) {
    throw new StoreError('cannot-open', path, `Cannot open ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  try {
    configure(db, busyTimeoutMs);
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isBusyError(error)) throw busyError(path, error);
    throw new StoreError('cannot-open', path, `Cannot open ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  return { db, created: isNew };
}

/** The one-line report of a lock that was not released in time. */
export function busyError(path: string, cause: unknown): StoreError {
  return new StoreError(
    'busy',
    path,
    `${path} is busy: another process kept it locked for writing longer than Earshot waits. Nothing more was written; run the command again when the other one is done.`,
    { cause },
  );
}
