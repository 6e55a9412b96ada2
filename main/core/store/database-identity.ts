import Sqlite from 'better-sqlite3';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * `PRAGMA application_id` of every Earshot database: "ERSH" in ASCII. SQLite keeps it in the
 * file header (offset 68), where `file(1)` and other tools can see whose file it is.
 */
export const earshotApplicationId = 0x45525348;

/** The tables every Earshot schema has had since version 1, before it set an application id. */
const legacyTables = ['tracks', 'artists', 'users', 'ratings', 'models', 'settings'];

export type DatabaseIdentity =
  | { readonly kind: 'missing' }
  /** A zero-length file, or SQLite with no tables and no version: nobody's data yet. */
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-sqlite' }
  /** Earshot's; `version` is `PRAGMA user_version` as the file header has it. */
  | { readonly kind: 'earshot'; readonly version: number }
  | { readonly kind: 'foreign'; readonly applicationId: number; readonly tables: string[] };

const sqliteMagic = 'SQLite format 3\u0000';

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function hasPendingWal(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** A WAL database is copied into memory to be read up to this size; a larger one is opened. */
const largestCopiedBytes = 256 * 1024 * 1024;

/**
 * The header's file-format bytes say "WAL" (2) for a database in WAL mode, which a copy in
 * memory cannot be; the copy is read, never written, so it may as well say "rollback" (1).
 */
function asRollbackJournal(image: Buffer): Buffer {
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image.fill(1, 18, 20);
  return image;
}

/**
 * Tables and version of a database whose header has no application id, read without writing
 * anything. A rollback-journal database is opened read-only in place, which writes nothing. A
 * read-only connection to a WAL database would leave -wal and -shm files beside it, so one is
 * read from a copy in memory instead, unless a non-empty write-ahead log holds changes the file
 * does not have yet (someone is using it: the side files exist already) or it is very large.
 */
function readSchema(
  path: string,
  header: Buffer,
  size: number,
): { tables: string[]; version: number } {
  const isWal = header[18] === 2;
  const db =
    isWal && !hasPendingWal(path) && size <= largestCopiedBytes
      ? new Sqlite(asRollbackJournal(readFileSync(path)))
      : new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return { tables, version: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/**
 * Whose file `path` is, decided without writing a byte of it: first from the header, then, for
 * a database with no application id, from its tables (an Earshot from before the id was set).
 */
export function identifyDatabase(path: string): DatabaseIdentity {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'empty' };
  const header = readHeader(path);
  if (size < 100 || header.toString('latin1', 0, 16) !== sqliteMagic) return { kind: 'not-sqlite' };
  const applicationId = header.readInt32BE(68);
  if (applicationId === earshotApplicationId)
    return { kind: 'earshot', version: header.readInt32BE(60) };
  if (applicationId !== 0) return { kind: 'foreign', applicationId, tables: [] };
  const { tables, version } = readSchema(path, header, size);
  if (tables.length === 0 && version === 0) return { kind: 'empty' };
  if (legacyTables.every((table) => tables.includes(table))) return { kind: 'earshot', version };
  return { kind: 'foreign', applicationId, tables };
}
