import type {
  ListedRatingView,
  ListRatingsRequest,
  ListRatingsResponse,
  RateSongRequest,
  SearchTracksRequest,
  SearchTracksResponse,
  TrackView,
} from '../contract/index.ts';
import type { Store } from '../store/store.ts';
import type { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { ServiceError } from './service-error.ts';
import type { SongPool } from './song-pool.ts';
import { saveRatings, setAsideCount } from './start-over.ts';
import { toTrackView } from './track-view.ts';

const defaultPage = 50;

/**
 * What the listener rated, and rating any song at once: search to rate, "Your ratings" (list,
 * change, remove) and `earshot rate` / `earshot ratings`. A change retrains as a round does.
 */
export class YourRatings {
  readonly #store: Store;
  readonly #listener: LocalListener;
  readonly #pool: SongPool;
  readonly #models: ModelSource;

  constructor(store: Store, listener: LocalListener, pool: SongPool, models: ModelSource) {
    this.#store = store;
    this.#listener = listener;
    this.#pool = pool;
    this.#models = models;
  }

  /** A rated song may be an imported placeholder, which the pool (songs to offer) leaves out. */
  #view(trackId: number): TrackView {
    const track = this.#pool.tracks().get(trackId) ?? this.#store.tracks.get(trackId);
    if (track === undefined)
      throw new ServiceError('not-found', `There is no song with id ${trackId}.`);
    return toTrackView(track);
  }

  #starsOf(trackIds: readonly number[]): Map<number, number> {
    const userId = this.#listener.userId();
    return userId === undefined
      ? new Map<number, number>()
      : this.#store.ratingList.starsOf(userId, trackIds);
  }

  search(request: SearchTracksRequest): SearchTracksResponse {
    const ids = this.#store.search.ids(request.query, request.limit);
    const stars = this.#starsOf(ids);
    return { results: ids.map((id) => ({ track: this.#view(id), stars: stars.get(id) ?? null })) };
  }

  list(request: ListRatingsRequest): ListRatingsResponse {
    const userId = this.#listener.userId();
    const page =
      userId === undefined
        ? { rows: [], total: 0 }
        : this.#store.ratingList.page({
            userId,
            ...(request.query ? { search: request.query } : {}),
            sort: request.sort ?? 'recent',
            offset: request.offset ?? 0,
            limit: request.limit ?? defaultPage,
          });
    return {
      ratings: page.rows.map((row) => ({
        track: this.#view(row.trackId),
        stars: row.rating,
        ratedAt: row.ratedAt,
      })),
      total: page.total,
      listenerRatings: this.#listener.ratings().length,
      setAside: setAsideCount(this.#store),
    };
  }

  /** Rates a song (or changes its stars), as the listener's newest rating. */
  rate(
    request: RateSongRequest,
    now = Math.floor(Date.now() / 1000),
  ): { rating: ListedRatingView; listenerRatings: number } {
    const track = this.#view(request.trackId);
    saveRatings(this.#store, this.#listener, [request], now);
    this.#models.ratingsChanged();
    return {
      rating: { track, stars: request.stars, ratedAt: now },
      listenerRatings: this.#listener.ratings().length,
    };
  }

  /** Forgets one rating; answers it as it was, so a face can say which and offer it back. */
  remove(trackId: number): { removed: ListedRatingView; listenerRatings: number } {
    const userId = this.#listener.userId();
    const rating = userId === undefined ? undefined : this.#store.ratingList.one(userId, trackId);
    if (rating === undefined || !this.#listener.remove(trackId)) {
      throw new ServiceError('not-found', `You have not rated the song with id ${trackId}.`);
    }
    this.#models.ratingsChanged();
    return {
      removed: { track: this.#view(trackId), stars: rating.rating, ratedAt: rating.ratedAt },
      listenerRatings: this.#listener.ratings().length,
    };
  }
}
