import type { Database } from 'better-sqlite3';
import { earshotApplicationId } from './database-identity.ts';
import { schemaV1 } from './schema-v1.ts';
import { schemaV2Crawl } from './schema-v2-crawl.ts';
import { schemaV3RealData } from './schema-v3-real-data.ts';
import { schemaV4Search } from './schema-v4-search.ts';
import { StoreError } from './store-error.ts';

/** One step of the schema; `version` is the `PRAGMA user_version` the step leaves behind. */
export interface Migration {
  readonly version: number;
  readonly up: (db: Database) => void;
}

/** Every schema step in order. Append only: a released step is never edited. */
export const migrations: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(schemaV1) },
  { version: 2, up: (db) => db.exec(schemaV2Crawl) },
  { version: 3, up: (db) => db.exec(schemaV3RealData) },
  { version: 4, up: (db) => db.exec(schemaV4Search) },
];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;

function readVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date in one IMMEDIATE transaction: the write lock is taken first,
 * then the version is read again, so two processes opening a new database at once do not both
 * run the steps (the second waits, then finds nothing to do). The application id is set in the
 * same transaction, on a new database and on one from before Earshot set it.
 */
export function migrate(db: Database, path: string): void {
  // The common case, an up-to-date database, needs no write lock: `stats` must not wait for a
  // long import in another process just to learn there is nothing to migrate.
  const isCurrent = () =>
    readVersion(db) === latestSchemaVersion &&
    db.pragma('application_id', { simple: true }) === earshotApplicationId;
  if (isCurrent()) return;
  db.transaction(() => {
    const current = readVersion(db);
    if (current > latestSchemaVersion) throw newerSchemaError(path, current);
    for (const step of migrations.filter((m) => m.version > current)) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
    if (db.pragma('application_id', { simple: true }) !== earshotApplicationId)
      db.pragma(`application_id = ${earshotApplicationId}`);
  }).immediate();
}

export function newerSchemaError(path: string, version: number): StoreError {
  return new StoreError(
    'newer-schema',
    path,
    `${path} was written by a newer Earshot (schema ${version}; this version knows up to ${latestSchemaVersion}). Update Earshot or use another --db.`,
  );
}
