import type { Preferences, SkipRequest, SongsToRateRequest, TrackView } from '../contract/index.ts';
import type { Track } from '../catalog/track.ts';
import type { Store } from '../store/store.ts';
import type { LocalListener } from './local-listener.ts';
import { ServiceError } from './service-error.ts';
import { pickSongs } from './song-picker.ts';
import type { TrackRatingStats } from './song-picker.ts';
import { toTrackView } from './track-view.ts';
import type { CandidateTraits } from './picks/rerank.ts';

/**
 * The songs a listener can be asked about: the catalog (not the placeholder items of imported
 * files) minus what they rated, skipped or already see. Track lists are cached until the
 * catalog changes; rating statistics until the number of ratings does.
 */
export class SongPool {
  readonly store: Store;
  readonly #listener: LocalListener;
  readonly #random: () => number;
  #tracks: Map<number, Track> | undefined;
  #placeholders: number[] | undefined;
  #stats: { ratings: number; byTrack: Map<number, TrackRatingStats> } | undefined;

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

  #candidates(exclude: Iterable<number>): Track[] {
    const unavailable = new Set<number>([...exclude, ...this.#listener.skipped()]);
    for (const rating of this.#listener.ratings()) unavailable.add(rating.trackId);
    return [...this.tracks().values()].filter((t) => !unavailable.has(t.id));
  }

  #ratingStats(): Map<number, TrackRatingStats> {
    const ratings = this.store.ratings.count();
    if (this.#stats?.ratings !== ratings)
      this.#stats = { ratings, byTrack: this.store.ratings.statsByTrack() };
    return this.#stats.byTrack;
  }

  songsToRate(request: SongsToRateRequest, preferences: Preferences): TrackView[] {
    const candidates = this.#candidates(request.exclude ?? []);
    if (candidates.length === 0) {
      throw new ServiceError(
        'nothing-to-rate',
        'You have rated or skipped every song in the catalog. Refresh data to add more.',
      );
    }
    const strategy = request.strategy ?? preferences.strategy;
    return pickSongs({
      candidates,
      count: request.count ?? preferences.songsToRate,
      strategy,
      random: this.#random,
      ...(strategy === 'smart' ? { stats: this.#ratingStats() } : {}),
    }).map(toTrackView);
  }

  /** Remembers that the listener does not know `trackId` and offers another song instead. */
  replacement(request: SkipRequest): TrackView {
    this.view(request.trackId);
    this.#listener.skip(request.trackId);
    const candidates = this.#candidates([...request.exclude, request.trackId]);
    const onScreenArtists = new Set(request.exclude.map((id) => this.tracks().get(id)?.artists[0]));
    const fresh = candidates.filter((t) => !onScreenArtists.has(t.artists[0]));
    const [replacement] = pickSongs({
      candidates: fresh.length > 0 ? fresh : candidates,
      count: 1,
      strategy: 'random',
      random: this.#random,
    });
    if (replacement === undefined)
      throw new ServiceError('nothing-to-rate', 'There is no other song left to offer.');
    return toTrackView(replacement);
  }
}
