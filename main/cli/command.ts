import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isBusyError } from '../core/store/busy.ts';
import { resolveDatabaseLocation } from '../core/store/data-location.ts';
import { busyError } from '../core/store/open-database.ts';
import { composeEarshot } from '../core/compose.ts';
import type { ComposeExtras, Earshot } from '../core/compose.ts';
import { openStore } from '../core/store/store.ts';
import type { Store } from '../core/store/store.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './cli-io.ts';

/**
 * May this command make a new database? Only the ones that put data in it (pipeline,
 * import-ratings, import-history, and serve and recommend, which load the catalog on a first
 * run) do; the others refuse a missing file instead of leaving an empty one behind.
 */
export type StoreAccess = 'create' | 'existing';

const defaultLockTimeoutSeconds = 60;

/**
 * How long a command waits for another process's write lock: `EARSHOT_LOCK_TIMEOUT` seconds,
 * 60 by default. A command line is free to block while it waits; `serve` waits differently.
 */
function lockTimeoutMs(env: NodeJS.ProcessEnv): number {
  const text = env.EARSHOT_LOCK_TIMEOUT;
  if (text === undefined || text === '') return defaultLockTimeoutSeconds * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`EARSHOT_LOCK_TIMEOUT must be a number of seconds, got "${text}"`);
  return Math.round(seconds * 1000);
}

/**
 * Opens the database (`--db`, else `EARSHOT_DB`, else the per-user data folder) and says so
 * when it made a new one. Only the default location's folder is ever created.
 */
export function openCliStore(db: string | undefined, io: CliIo, access: StoreAccess): Store {
  const { path, isDefault } = resolveDatabaseLocation(db, io.env);
  const create = access === 'create';
  if (create && isDefault) mkdirSync(dirname(path), { recursive: true });
  const store = openStore(path, { create, busyTimeoutMs: lockTimeoutMs(io.env) });
  if (store.created) io.err(`Created a new Earshot database at ${path}\n`);
  return store;
}

/**
 * Runs `work` on the opened database and closes it. A lock another process held for longer
 * than the wait becomes a one-line `busy` StoreError: each transaction either committed or
 * wrote nothing, so nothing is lost and running the command again continues.
 */
export async function withStore<T>(
  db: string | undefined,
  io: CliIo,
  access: StoreAccess,
  work: (store: Store) => Promise<T> | T,
): Promise<T> {
  const store = openCliStore(db, io, access);
  try {
    return await work(store);
  } catch (error) {
    if (isBusyError(error)) throw busyError(store.path, error);
    throw error;
  } finally {
    store.close();
  }
}

/**
 * Like {@link withStore}, with the whole core composed over the database (the model manager
 * and the app service), as `recommend`, `picks`, `serve` and `pipeline` need it.
 */
export async function withEarshot<T>(
  db: string | undefined,
  io: CliIo,
  access: StoreAccess,
  options: ComposeExtras,
  work: (earshot: Earshot) => Promise<T> | T,
): Promise<T> {
  const store = openCliStore(db, io, access);
  const earshot = composeEarshot({ store, ...options });
  try {
    return await work(earshot);
  } catch (error) {
    if (isBusyError(error)) throw busyError(store.path, error);
    throw error;
  } finally {
    earshot.close();
  }
}
