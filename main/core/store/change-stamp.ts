import type { Database } from 'better-sqlite3';

/**
 * A stamp that moves whenever the database's contents may have changed, from any writer: SQLite's
 * `PRAGMA data_version` changes when another connection (another process, or another connection
 * in this one) commits, and `total_changes()` counts every row this connection has inserted,
 * updated or deleted. Two reads of about a microsecond each, so a cache of values read from the
 * database can tell it may keep them without reading them again.
 *
 * Take the stamp before reading the values it vouches for: a write that lands after the stamp
 * then moves the next one, whether or not the reads saw it.
 */
export function createChangeStamp(db: Database): () => string {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  return () => `${dataVersion.get()}:${totalChanges.get()}`;
}
