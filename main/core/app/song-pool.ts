import type {
  Preferences,
  RatingStrategy,
  SkipRequest,
  SongRating,
  SongsToRateRequest,
  TrackView,
} from '../contract/index.ts';
import type { Track } from '../catalog/track.ts';
import type { Store } from '../store/store.ts';
import { likelyKnown } from './likely-known.ts';
import type { LocalListener } from './local-listener.ts';
import type { ModelSource } from './model-source.ts';
import { ServiceError } from './service-error.ts';
import { pickSongs } from './song-picker.ts';
import type { TrackRatingStats } from './song-picker.ts';
import { toTrackView } from './track-view.ts';
import { tasteCandidates } from './taste/taste-match.ts';
import { readTaste } from './taste/taste-settings.ts';
import type { CandidateTraits } from './picks/rerank.ts';

/**
 * How many of the songs a listener most likely knows the `adaptive` strategy draws from (before
 * it weighs them by how divisive they are). Not tuned: 40 is about 5 % of the embedded catalog.
 */
const neighbourhoodSize = 40;

/**
 * The songs a listener can be asked about: the catalog (not the placeholder items of imported
 * files) minus what they rated, skipped or already see. Track lists are cached until the
 * catalog changes; rating statistics until the number of other listeners' ratings does.
 */
export class SongPool {
  readonly store: Store;
  readonly #listener: LocalListener;
  readonly #random: () => number;
  #tracks: Map<number, Track> | undefined;
  #placeholders: number[] | undefined;
  #stats:
    | {
        ratings: number;
        byTrack: Map<number, TrackRatingStats>;
        counts: ReadonlyMap<number, number>;
      }
    | undefined;

  constructor(store: Store, listener: LocalListener, random: () => number) {
    this.store = store;
    this.#listener = listener;
    this.#random = random;
  }

  invalidate(): void {
    this.#tracks = undefined;
    this.#placeholders = undefined;
    this.#stats = undefined;
  }

  tracks(): Map<number, Track> {
    this.#tracks ??= new Map(this.store.tracks.list().map((t) => [t.id, t]));
    return this.#tracks;
  }

  view(trackId: number): TrackView {
    const track = this.tracks().get(trackId);
    if (track === undefined)
      throw new ServiceError('not-found', `There is no song with id ${trackId}.`);
    return toTrackView(track);
  }

  /** What variety looks at: the primary artist and the genres. */
  traits(trackId: number): CandidateTraits {
    const track = this.tracks().get(trackId);
    return { primaryArtist: track?.artists[0] ?? `#${trackId}`, genres: track?.genres ?? [] };
  }

  requireKnown(trackIds: readonly number[]): void {
    for (const id of trackIds) this.view(id);
  }

  /** Every stored track that is not a real song (imported placeholders): never recommended. */
  unrecommendable(): number[] {
    this.#placeholders ??= this.store.tracks.idsOfSource('placeholder');
    return this.#placeholders;
  }

  /** Songs a round may offer: unrated, unskipped, not `exclude`d, and as the taste start allows. */
  #candidates(exclude: Iterable<number>, count: number): readonly Track[] {
    const unavailable = new Set<number>([...exclude, ...this.#listener.skipped()]);
    const ratings = this.#listener.ratings();
    for (const rating of ratings) unavailable.add(rating.trackId);
    const open = [...this.tracks().values()].filter((t) => !unavailable.has(t.id));
    return tasteCandidates(open, readTaste(this.store), { ratings: ratings.length, count });
  }

  /**
   * How many other listeners rated each song (its popularity): the same object until the number
   * of their ratings changes, so the picks memo compares it by identity.
   */
  ratingCounts(): ReadonlyMap<number, number> {
    return this.#ratingStats().counts;
  }

  /**
   * The other listeners' ratings per song. They are read again only when their number changes:
   * a scan of every rating takes tens of milliseconds, and the listener's own ratings, which
   * change at every Submit, are not part of them.
   */
  #ratingStats() {
    const me = this.#listener.userId();
    const ratings =
      this.store.ratings.count() - (me === undefined ? 0 : this.store.ratings.countForUser(me));
    if (this.#stats?.ratings !== ratings) {
      const byTrack = this.store.ratings.statsByTrack(me);
      const counts = new Map([...byTrack].map(([trackId, stats]) => [trackId, stats.count]));
      this.#stats = { ratings, byTrack, counts };
    }
    return this.#stats;
  }

  /**
   * A round's songs by the listener's strategy. `adaptive` needs the picks' ranking model: until
   * there is one (a first training), it deals as `smart` does.
   */
  async songsToRate(
    request: SongsToRateRequest,
    preferences: Preferences,
    models: ModelSource,
  ): Promise<TrackView[]> {
    const exclude = request.exclude ?? [];
    const count = request.count ?? preferences.songsToRate;
    const candidates = this.#candidates(exclude, count);
    if (candidates.length === 0) {
      throw new ServiceError(
        'nothing-to-rate',
        'You have rated or skipped every song in the catalog. Refresh data to add more.',
      );
    }
    const strategy = request.strategy ?? preferences.strategy;
    return (await this.#pick(candidates, count, strategy, models, { rated: [], exclude })).map(
      toTrackView,
    );
  }

  /** Remembers that the listener does not know `trackId` and offers another song instead. */
  async replacement(
    request: SkipRequest,
    preferences: Preferences,
    models: ModelSource,
  ): Promise<TrackView> {
    this.view(request.trackId);
    this.#listener.skip(request.trackId);
    const exclude = [...request.exclude, request.trackId];
    const candidates = this.#candidates(exclude, 1);
    const onScreenArtists = new Set(request.exclude.map((id) => this.tracks().get(id)?.artists[0]));
    const fresh = candidates.filter((t) => !onScreenArtists.has(t.artists[0]));
    const [replacement] = await this.#pick(
      fresh.length > 0 ? fresh : candidates,
      1,
      preferences.strategy,
      models,
      { rated: request.rated, exclude },
    );
    if (replacement === undefined)
      throw new ServiceError('nothing-to-rate', 'There is no other song left to offer.');
    return toTrackView(replacement);
  }

  async #pick(
    candidates: readonly Track[],
    count: number,
    strategy: RatingStrategy,
    models: ModelSource,
    round: { readonly rated: readonly SongRating[]; readonly exclude: readonly number[] },
  ): Promise<Track[]> {
    const stats = strategy === 'random' ? undefined : this.#ratingStats().byTrack;
    const pickModels =
      strategy === 'adaptive' && models.info() !== null ? await models.current() : undefined;
    if (pickModels === undefined)
      return pickSongs({
        candidates,
        count,
        strategy: strategy === 'adaptive' ? 'smart' : strategy,
        random: this.#random,
        ...(stats === undefined ? {} : { stats }),
      });
    const likely = likelyKnown(
      pickModels.ranker,
      {
        known: [
          ...this.#listener.ratings().map((r) => ({ trackId: r.trackId, stars: r.rating })),
          ...round.rated,
        ],
        unknown: [...this.#listener.skipped()],
      },
      { size: neighbourhoodSize, exclude: [...round.exclude, ...this.unrecommendable()] },
    );
    return pickSongs({
      candidates,
      count,
      strategy,
      random: this.#random,
      ...(stats === undefined ? {} : { stats }),
      ...(likely === undefined ? {} : { likelyKnown: likely }),
    });
  }
}
