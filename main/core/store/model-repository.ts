import type { Database } from 'better-sqlite3';

/** A trained model as stored: its description in columns, its numbers in one binary payload. */
export interface StoredModel {
  readonly id: number;
  readonly algorithm: string;
  readonly params: unknown;
  readonly seed: number;
  readonly metrics: unknown;
  /** Identifies the exact ratings the model was trained on; a mismatch means retrain. */
  readonly fingerprint: string;
  readonly payload: Uint8Array;
  readonly createdAt: number;
}

export type NewModel = Omit<StoredModel, 'id' | 'createdAt'>;

interface ModelRow {
  id: number;
  algorithm: string;
  params: string;
  seed: number;
  metrics: string;
  fingerprint: string;
  payload: Buffer;
  created_at: number;
}

function describe(row: Omit<ModelRow, 'payload'>): Omit<StoredModel, 'payload'> {
  return {
    id: row.id,
    algorithm: row.algorithm,
    params: JSON.parse(row.params) as unknown,
    seed: row.seed,
    metrics: JSON.parse(row.metrics) as unknown,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

/**
 * Keeps the newest few models of each algorithm (the stars' SVD and the picks' ranking model are
 * saved side by side) so a bad training run can be rolled back by hand.
 */
const modelsKept = 3;

export class ModelRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Stores a model as the current one of its algorithm and prunes old ones, in one transaction. */
  save(model: NewModel): number {
    return this.#db
      .transaction(() => {
        const { lastInsertRowid } = this.#db
          .prepare(
            `INSERT INTO models (algorithm, params, seed, metrics, fingerprint, payload, created_at)
           VALUES (?, ?, ?, ?, ?, ?, unixepoch())`,
          )
          .run(
            model.algorithm,
            JSON.stringify(model.params),
            model.seed,
            JSON.stringify(model.metrics),
            model.fingerprint,
            model.payload,
          );
        this.#db
          .prepare(
            `DELETE FROM models WHERE algorithm = ? AND id NOT IN
               (SELECT id FROM models WHERE algorithm = ? ORDER BY id DESC LIMIT ?)`,
          )
          .run(model.algorithm, model.algorithm, modelsKept);
        return Number(lastInsertRowid);
      })
      .immediate();
  }

  /** The newest model's description (of `algorithm`, when given) without its (large) payload. */
  latestInfo(algorithm?: string): Omit<StoredModel, 'payload'> | undefined {
    const row = this.#db
      .prepare(
        `SELECT id, algorithm, params, seed, metrics, fingerprint, created_at FROM models
         WHERE @algorithm IS NULL OR algorithm = @algorithm ORDER BY id DESC LIMIT 1`,
      )
      .get({ algorithm: algorithm ?? null }) as Omit<ModelRow, 'payload'> | undefined;
    return row && describe(row);
  }

  /** The most recently saved model (of `algorithm`, when given), if any. */
  latest(algorithm?: string): StoredModel | undefined {
    const row = this.#db
      .prepare(
        'SELECT * FROM models WHERE @algorithm IS NULL OR algorithm = @algorithm ORDER BY id DESC LIMIT 1',
      )
      .get({ algorithm: algorithm ?? null }) as ModelRow | undefined;
    if (row === undefined) return undefined;
    const { payload } = row;
    return {
      ...describe(row),
      payload: new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength),
    };
  }
}
