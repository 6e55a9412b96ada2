import type { Database, Statement } from 'better-sqlite3';

/** Small JSON values by key. Callers validate what they read: a stored value is `unknown`. */
export class SettingsRepository {
  // Prepared once: preferences and the listener's lists are read on every request.
  readonly #get: Statement<[string], { value: string }>;
  readonly #set: Statement<[string, string]>;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.#set = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): unknown {
    const row = this.#get.get(key);
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  set(key: string, value: unknown): void {
    this.#set.run(key, JSON.stringify(value));
  }
}
