import type { Store } from './store/store.ts';
import type { UserKind } from './store/user-repository.ts';

export interface StoreStats {
  readonly databasePath: string;
  readonly tracks: { total: number; catalog: number; spotify: number; placeholder: number };
  readonly artists: number;
  readonly genres: readonly { genre: string; tracks: number }[];
  readonly listeners: Record<UserKind, number>;
  readonly ratings: number;
  /** The SVD behind the predicted stars. */
  readonly model: { algorithm: string; createdAt: number; metrics: unknown } | null;
  /** The ranking model behind the picks (implicit ALS or EASE), when one was trained. */
  readonly picksModel: { algorithm: string; createdAt: number } | null;
}

export function collectStats(store: Store): StoreStats {
  const model = store.models.latestInfo('svd');
  const picks = store.models.latestInfo('implicit-als') ?? store.models.latestInfo('ease');
  return {
    databasePath: store.path,
    tracks: {
      total: store.tracks.count(),
      catalog: store.tracks.count('catalog'),
      spotify: store.tracks.count('spotify'),
      placeholder: store.tracks.count('placeholder'),
    },
    artists: store.tracks.artistCount(),
    genres: store.tracks.genreCounts(),
    listeners: store.users.countByKind(),
    ratings: store.ratings.count(),
    model: model
      ? { algorithm: model.algorithm, createdAt: model.createdAt, metrics: model.metrics }
      : null,
    picksModel: picks ? { algorithm: picks.algorithm, createdAt: picks.createdAt } : null,
  };
}
