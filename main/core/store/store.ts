import type { Database } from 'better-sqlite3';
import { CrawlRepository } from './crawl-repository.ts';
import { ModelRepository } from './model-repository.ts';
import { openDatabase } from './open-database.ts';
import { RatingRepository } from './rating-repository.ts';
import { SettingsRepository } from './settings-repository.ts';
import { SignalRepository } from './signal-repository.ts';
import { TrackRepository } from './track-repository.ts';
import { UserRepository } from './user-repository.ts';

/** The open database and its repositories. One per process; close it when done. */
export interface Store {
  readonly path: string;
  readonly db: Database;
  readonly tracks: TrackRepository;
  readonly users: UserRepository;
  readonly ratings: RatingRepository;
  readonly settings: SettingsRepository;
  readonly models: ModelRepository;
  /** The Spotify crawl's queue and raw track objects. */
  readonly crawl: CrawlRepository;
  /** Listening-history signals and unmatched recordings (see `ratings/history/`). */
  readonly signals: SignalRepository;
  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: () => T): T;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  return {
    path,
    db,
    tracks: new TrackRepository(db),
    users: new UserRepository(db),
    ratings: new RatingRepository(db),
    settings: new SettingsRepository(db),
    models: new ModelRepository(db),
    crawl: new CrawlRepository(db),
    signals: new SignalRepository(db),
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
