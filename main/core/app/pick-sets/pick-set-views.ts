import type {
  PickSetChanges,
  PickSetsResponse,
  PickSetSummary,
  PickSetView,
  RatedSong,
  RecommendationView,
  TrackView,
} from '../../contract/index.ts';
import type { PickSetHeader, StoredPick } from '../../store/pick-set-repository.ts';
import type { LocalListener } from '../local-listener.ts';
import { ServiceError } from '../service-error.ts';
import type { SongPool } from '../song-pool.ts';
import { toTrackView } from '../track-view.ts';

/** Songs named per kind of change ("after you rated X, Y and Z"); the rest are counted. */
const changesNamed = 3;
const defaultListed = 100;

/**
 * A stored song as the screens show it. Songs are never deleted, but a rating may be of an
 * imported placeholder, which is no song to show: such entries are left out of the lists.
 */
function viewOf(pool: SongPool, trackId: number): TrackView | undefined {
  const track = pool.tracks().get(trackId);
  return track === undefined ? undefined : toTrackView(track);
}

function rated(pool: SongPool, ratings: readonly { trackId: number; stars: number }[]) {
  return ratings.flatMap((r): RatedSong[] => {
    const track = viewOf(pool, r.trackId);
    return track === undefined ? [] : [{ track, stars: r.stars }];
  });
}

function describeChanges(pool: SongPool, header: PickSetHeader): PickSetChanges {
  const { changes } = header;
  return {
    rated: rated(pool, changes.rated.slice(0, changesNamed)),
    ratedCount: changes.rated.length,
    hidden: changes.hidden.slice(0, changesNamed).flatMap((id) => viewOf(pool, id) ?? []),
    hiddenCount: changes.hidden.length,
    removed: changes.removed,
  };
}

function summaryOf(pool: SongPool, header: PickSetHeader): PickSetSummary {
  return {
    id: header.id,
    madeAt: header.madeAt,
    ratingCount: header.ratingCount,
    changes: describeChanges(pool, header),
    picks: header.trackIds.map((id) => pool.view(id)),
  };
}

/** `pickSets`: the newest sets first, `limit` of them (default 100), and how many there are. */
export function listPickSets(pool: SongPool, limit = defaultListed): PickSetsResponse {
  const { pickSets } = pool.store;
  return {
    sets: pickSets.list(limit).map((header) => summaryOf(pool, header)),
    total: pickSets.count(),
  };
}

function recommendationOf(pool: SongPool, pick: StoredPick): RecommendationView {
  return {
    track: pool.view(pick.trackId),
    predictedStars: pick.predictedStars,
    confidence: pick.confidence,
    reasons: pick.reasons.flatMap(({ trackId, ...shown }) => {
      const track = viewOf(pool, trackId);
      return track === undefined ? [] : [{ ...shown, track }];
    }),
  };
}

function notFound(id: number): ServiceError {
  return new ServiceError('not-found', `There is no past set of picks with id ${id}.`);
}

/** `pickSet`: one past set, its picks as they were shown and the ratings they came from. */
export function showPickSet(pool: SongPool, listener: LocalListener, id: number): PickSetView {
  const record = pool.store.pickSets.get(id);
  if (record === undefined) throw notFound(id);
  const onSet = new Set(record.trackIds);
  return {
    ...summaryOf(pool, record),
    recommendations: record.picks.map((pick) => recommendationOf(pool, pick)),
    ratings: rated(
      pool,
      [...record.ratings]
        .sort((a, b) => b.rating - a.rating || b.ratedAt - a.ratedAt)
        .map((r) => ({ trackId: r.trackId, stars: r.rating })),
    ),
    yourStars: listener
      .ratings()
      .filter((r) => onSet.has(r.trackId))
      .map((r) => ({ trackId: r.trackId, stars: r.rating })),
  };
}

/**
 * The songs of a past set, in the order shown (Earshot's track ids): what a playlist of it, or
 * a copy saved elsewhere (a Spotify playlist), is made of. `not-found` for an unknown id.
 */
export function pastPickTrackIds(pool: SongPool, id: number): readonly number[] {
  const record = pool.store.pickSets.get(id);
  if (record === undefined) throw notFound(id);
  return record.trackIds;
}
