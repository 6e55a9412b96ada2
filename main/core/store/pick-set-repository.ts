import type { Database } from 'better-sqlite3';
import type { PickConfidence, RecommendationReason } from '../contract/index.ts';

/** Why a pick was shown, as stored: the cited song by id, the rest as the screen had it. */
export type StoredReason = Omit<RecommendationReason, 'track'> & { readonly trackId: number };

export interface StoredPick {
  readonly trackId: number;
  readonly predictedStars: number;
  readonly confidence: PickConfidence;
  readonly reasons: readonly StoredReason[];
}

/** One rating as it stood when a set was made. */
export interface SnapshotRating {
  readonly trackId: number;
  readonly rating: number;
  readonly ratedAt: number;
}

/** What changed between the set before and this one (see schema-v5-pick-sets.ts). */
export interface SetChanges {
  /** Ratings given or changed, the newest first. */
  readonly rated: readonly { readonly trackId: number; readonly stars: number }[];
  /** Songs newly marked "not interested". */
  readonly hidden: readonly number[];
  /** Ratings that were there before and are gone (Start over). */
  readonly removed: number;
}

export interface NewPickSet {
  /** Unix seconds. */
  readonly madeAt: number;
  readonly ratings: readonly SnapshotRating[];
  readonly hidden: readonly number[];
  readonly changes: SetChanges;
  readonly picks: readonly StoredPick[];
}

/** A set as the history lists it: no snapshot, no pick details. */
export interface PickSetHeader {
  readonly id: number;
  readonly madeAt: number;
  readonly ratingCount: number;
  readonly changes: SetChanges;
  readonly trackIds: readonly number[];
}

export interface PickSetRecord extends PickSetHeader {
  readonly ratings: readonly SnapshotRating[];
  readonly hidden: readonly number[];
  readonly picks: readonly StoredPick[];
}

interface HeaderRow {
  id: number;
  made_at: number;
  rating_count: number;
  changes: string;
  track_ids: string | null;
}

interface ItemRow {
  track_id: number;
  predicted_stars: number;
  confidence: StoredPick['confidence']['level'];
  confidence_label: string;
  reasons: string;
}

const headerSelect = `
  SELECT s.id, s.made_at, s.rating_count, s.changes,
    (SELECT group_concat(track_id) FROM
       (SELECT track_id FROM pick_set_items WHERE set_id = s.id ORDER BY position)) AS track_ids
  FROM pick_sets s`;

function toHeader(row: HeaderRow): PickSetHeader {
  return {
    id: row.id,
    madeAt: row.made_at,
    ratingCount: row.rating_count,
    changes: JSON.parse(row.changes) as SetChanges,
    trackIds: row.track_ids === null ? [] : row.track_ids.split(',').map(Number),
  };
}

function toSnapshot(json: string): SnapshotRating[] {
  const rows = JSON.parse(json) as [number, number, number][];
  return rows.map(([trackId, rating, ratedAt]) => ({ trackId, rating, ratedAt }));
}

/**
 * The local listener's past sets of picks (schema v5). Writers call {@link insert} inside a
 * transaction of their own, having read {@link latest} in it: see `app/pick-sets/`.
 */
export class PickSetRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** The track ids of the newest set, in order; empty when there is none. */
  latestTrackIds(): number[] {
    return this.#db
      .prepare(
        `SELECT track_id FROM pick_set_items
         WHERE set_id = (SELECT max(id) FROM pick_sets) ORDER BY position`,
      )
      .pluck()
      .all() as number[];
  }

  /** The newest set's ratings and hidden songs, to tell what changed since. */
  latest(): { trackIds: number[]; ratings: SnapshotRating[]; hidden: number[] } | undefined {
    const row = this.#db
      .prepare('SELECT ratings, hidden FROM pick_sets ORDER BY id DESC LIMIT 1')
      .get() as { ratings: string; hidden: string } | undefined;
    if (row === undefined) return undefined;
    return {
      trackIds: this.latestTrackIds(),
      ratings: toSnapshot(row.ratings),
      hidden: JSON.parse(row.hidden) as number[],
    };
  }

  /** Writes a set and its picks; the caller holds the transaction. Returns its id. */
  insert(set: NewPickSet): number {
    const { lastInsertRowid } = this.#db
      .prepare(
        `INSERT INTO pick_sets (made_at, rating_count, ratings, hidden, changes)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        set.madeAt,
        set.ratings.length,
        JSON.stringify(set.ratings.map((r) => [r.trackId, r.rating, r.ratedAt])),
        JSON.stringify(set.hidden),
        JSON.stringify(set.changes),
      );
    const id = Number(lastInsertRowid);
    const addItem = this.#db.prepare(
      `INSERT INTO pick_set_items
         (set_id, position, track_id, predicted_stars, confidence, confidence_label, reasons)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    set.picks.forEach((pick, position) =>
      addItem.run(
        id,
        position,
        pick.trackId,
        pick.predictedStars,
        pick.confidence.level,
        pick.confidence.label,
        JSON.stringify(pick.reasons),
      ),
    );
    return id;
  }

  count(): number {
    return this.#db.prepare('SELECT count(*) FROM pick_sets').pluck().get() as number;
  }

  /** The newest `limit` sets, newest first. */
  list(limit: number): PickSetHeader[] {
    const rows = this.#db
      .prepare(`${headerSelect} ORDER BY s.id DESC LIMIT ?`)
      .all(limit) as HeaderRow[];
    return rows.map(toHeader);
  }

  get(id: number): PickSetRecord | undefined {
    const row = this.#db.prepare(`${headerSelect} WHERE s.id = ?`).get(id) as HeaderRow | undefined;
    if (row === undefined) return undefined;
    const stored = this.#db
      .prepare('SELECT ratings, hidden FROM pick_sets WHERE id = ?')
      .get(id) as { ratings: string; hidden: string };
    const items = this.#db
      .prepare(
        `SELECT track_id, predicted_stars, confidence, confidence_label, reasons
         FROM pick_set_items WHERE set_id = ? ORDER BY position`,
      )
      .all(id) as ItemRow[];
    return {
      ...toHeader(row),
      ratings: toSnapshot(stored.ratings),
      hidden: JSON.parse(stored.hidden) as number[],
      picks: items.map((item) => ({
        trackId: item.track_id,
        predictedStars: item.predicted_stars,
        confidence: { level: item.confidence, label: item.confidence_label },
        reasons: JSON.parse(item.reasons) as StoredReason[],
      })),
    };
  }
}
