import { resolveDatabasePath } from '../core/store/data-location.ts';
import { openStore } from '../core/store/store.ts';
import type { Store } from '../core/store/store.ts';
import type { CliIo } from './cli-io.ts';

/** Opens the database (`--db`, else `EARSHOT_DB`, else the per-user data folder) for `work`. */
export async function withStore<T>(
  db: string | undefined,
  io: CliIo,
  work: (store: Store) => Promise<T> | T,
): Promise<T> {
  const store = openStore(resolveDatabasePath(db, io.env));
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
