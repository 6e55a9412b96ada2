import type { RecommendationView } from '../../contract/index.ts';
import type { SetChanges, SnapshotRating, StoredPick } from '../../store/pick-set-repository.ts';
import type { Store } from '../../store/store.ts';

/** What a set was made from: the listener's ratings and hidden songs at that moment. */
export interface PickSetInputs {
  readonly ratings: readonly SnapshotRating[];
  readonly hidden: ReadonlySet<number>;
}

function isSameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * What changed from the set before to these inputs: ratings given or changed (the newest
 * first), songs newly hidden, and ratings that are gone. With no set before, every rating is new.
 */
export function changesSince(
  before: { ratings: readonly SnapshotRating[]; hidden: readonly number[] } | undefined,
  now: PickSetInputs,
): SetChanges {
  const earlier = new Map((before?.ratings ?? []).map((r) => [r.trackId, r.rating]));
  const rated = now.ratings
    .filter((r) => earlier.get(r.trackId) !== r.rating)
    .sort((a, b) => b.ratedAt - a.ratedAt || a.trackId - b.trackId)
    .map((r) => ({ trackId: r.trackId, stars: r.rating }));
  const current = new Set(now.ratings.map((r) => r.trackId));
  const wasHidden = new Set(before?.hidden ?? []);
  return {
    rated,
    hidden: [...now.hidden].filter((id) => !wasHidden.has(id)),
    removed: [...earlier.keys()].filter((id) => !current.has(id)).length,
  };
}

function toStored(view: RecommendationView): StoredPick {
  return {
    trackId: view.track.id,
    predictedStars: view.predictedStars,
    confidence: view.confidence,
    reasons: view.reasons.map(({ track, ...shown }) => ({ ...shown, trackId: track.id })),
  };
}

/**
 * Keeps a list of picks in the history when it differs from the newest set there; asking again
 * with nothing changed gives the same list, which is not kept twice, and an empty list is not
 * kept at all. The common case (the same list) is one small read and no write, so `recommend`
 * stays a reader; a new list is one IMMEDIATE transaction, which checks the newest set again so
 * two processes answering at once keep it once. Run again after a `busy`, it does nothing more.
 * Returns the new set's id, or undefined when nothing was kept.
 */
export function recordPickSet(
  store: Store,
  inputs: PickSetInputs,
  recommendations: readonly RecommendationView[],
  now = Math.floor(Date.now() / 1000),
): number | undefined {
  const trackIds = recommendations.map((r) => r.track.id);
  if (trackIds.length === 0 || isSameList(store.pickSets.latestTrackIds(), trackIds))
    return undefined;
  return store.transaction(() => {
    const latest = store.pickSets.latest();
    if (latest !== undefined && isSameList(latest.trackIds, trackIds)) return undefined;
    return store.pickSets.insert({
      madeAt: now,
      ratings: inputs.ratings,
      hidden: [...inputs.hidden],
      changes: changesSince(latest, inputs),
      picks: recommendations.map(toStored),
    });
  });
}
