import type { Database } from 'better-sqlite3';
import { CrawlRepository } from './crawl-repository.ts';
import { ModelRepository } from './model-repository.ts';
import { openDatabase } from './open-database.ts';
import type { OpenDatabaseOptions } from './open-database.ts';
import { RatingList } from './rating-list.ts';
import { RatingRepository } from './rating-repository.ts';
import { SetAsideRepository } from './set-aside-repository.ts';
import { SettingsRepository } from './settings-repository.ts';
import { SignalRepository } from './signal-repository.ts';
import { TrackRepository } from './track-repository.ts';
import { TrackSearch } from './track-search.ts';
import { UserRepository } from './user-repository.ts';

/** The open database and its repositories. One per process; close it when done. */
export interface Store {
  readonly path: string;
  readonly db: Database;
  /** Whether opening it made a new database (the file was missing or empty). */
  readonly created: boolean;
  readonly tracks: TrackRepository;
  readonly users: UserRepository;
  readonly ratings: RatingRepository;
  readonly settings: SettingsRepository;
  readonly models: ModelRepository;
  /** The Spotify crawl's queue and raw track objects. */
  readonly crawl: CrawlRepository;
  /** Listening-history signals and unmatched recordings (see `ratings/history/`). */
  readonly signals: SignalRepository;
  /** Type-ahead search over titles and artists (schema v4). */
  readonly search: TrackSearch;
  /** One listener's ratings a page at a time, searched and sorted. */
  readonly ratingList: RatingList;
  /** The profile "Start over" set aside, until it is undone or the listener rates again. */
  readonly setAside: SetAsideRepository;
  /**
   * Runs `work` in one IMMEDIATE transaction: the write lock is taken at the start (waiting up
   * to the busy timeout), so no read-then-write upgrade can fail half way; all of its writes
   * land, or none do.
   */
  transaction<T>(work: () => T): T;
  /**
   * How long a statement waits for another process's lock. Interactive faces set it short once
   * open and wait with `retryWhileBusy` (busy.ts) instead, which never blocks the event loop.
   */
  setBusyTimeout(ms: number): void;
  close(): void;
}

export function openStore(path: string, options: OpenDatabaseOptions = {}): Store {
  const { db, created } = openDatabase(path, options);
  return {
    path,
    db,
    created,
    tracks: new TrackRepository(db),
    users: new UserRepository(db),
    ratings: new RatingRepository(db),
    settings: new SettingsRepository(db),
    models: new ModelRepository(db),
    crawl: new CrawlRepository(db),
    signals: new SignalRepository(db),
    search: new TrackSearch(db),
    ratingList: new RatingList(db),
    setAside: new SetAsideRepository(db),
    transaction: (work) => db.transaction(work).immediate(),
    setBusyTimeout: (ms) => void db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`),
    close: () => db.close(),
  };
}
