import type { Database, Statement } from 'better-sqlite3';

/** Who a rating belongs to: the person at the keyboard, a simulated listener, or an imported id. */
export type UserKind = 'local' | 'simulated' | 'imported';

/** The external id of the one local listener, the person at the keyboard. */
export const localListenerId = 'me';

export interface User {
  readonly id: number;
  readonly kind: UserKind;
  readonly externalId: string;
}

export class UserRepository {
  readonly #db: Database;
  readonly #ensure: Statement<[UserKind, string, string | null], { id: number }>;

  constructor(db: Database) {
    this.#db = db;
    this.#ensure = db.prepare(
      `INSERT INTO users (kind, external_id, profile, created_at) VALUES (?, ?, ?, unixepoch())
       ON CONFLICT (kind, external_id) DO UPDATE SET profile = coalesce(excluded.profile, profile)
       RETURNING id`,
    );
  }

  /** Returns the id of the user `(kind, externalId)`, creating the user when new. */
  ensure(kind: UserKind, externalId: string, profile?: unknown): number {
    const profileJson = profile === undefined ? null : JSON.stringify(profile);
    return this.#ensure.get(kind, externalId, profileJson)!.id;
  }

  /** Ids of many users of one kind, created as needed, in one transaction. */
  ensureMany(kind: UserKind, externalIds: readonly string[]): Map<string, number> {
    const ids = new Map<string, number>();
    this.#db
      .transaction(() => {
        for (const externalId of externalIds) ids.set(externalId, this.ensure(kind, externalId));
      })
      .immediate();
    return ids;
  }

  find(kind: UserKind, externalId: string): User | undefined {
    const row = this.#db
      .prepare('SELECT id, kind, external_id FROM users WHERE kind = ? AND external_id = ?')
      .get(kind, externalId) as { id: number; kind: UserKind; external_id: string } | undefined;
    return row && { id: row.id, kind: row.kind, externalId: row.external_id };
  }

  /** Removes every user of a kind; their ratings go with them (foreign-key cascade). */
  deleteKind(kind: UserKind): number {
    return this.#db.prepare('DELETE FROM users WHERE kind = ?').run(kind).changes;
  }

  /** Users of a kind with their stored profiles, ordered by external id. */
  profiles(kind: UserKind): { id: number; externalId: string; profile: unknown }[] {
    const rows = this.#db
      .prepare('SELECT id, external_id, profile FROM users WHERE kind = ? ORDER BY external_id')
      .all(kind) as { id: number; external_id: string; profile: string | null }[];
    return rows.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      profile: row.profile === null ? undefined : (JSON.parse(row.profile) as unknown),
    }));
  }

  countByKind(): Record<UserKind, number> {
    const counts: Record<UserKind, number> = { local: 0, simulated: 0, imported: 0 };
    const rows = this.#db.prepare('SELECT kind, count(*) AS n FROM users GROUP BY kind').all() as {
      kind: UserKind;
      n: number;
    }[];
    for (const row of rows) counts[row.kind] = row.n;
    return counts;
  }
}
