import type { Database } from 'better-sqlite3';
import { schemaV1 } from './schema-v1.ts';
import { schemaV2Crawl } from './schema-v2-crawl.ts';
import { schemaV3RealData } from './schema-v3-real-data.ts';

/** One step of the schema; `version` is the `PRAGMA user_version` the step leaves behind. */
export interface Migration {
  readonly version: number;
  readonly up: (db: Database) => void;
}

/** Every schema step in order. Append only: a released step is never edited. */
const migrations: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(schemaV1) },
  { version: 2, up: (db) => db.exec(schemaV2Crawl) },
  { version: 3, up: (db) => db.exec(schemaV3RealData) },
];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;

/** Applies the steps above `current`, all of them in one transaction. */
export function migrate(db: Database, current: number): void {
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
}
