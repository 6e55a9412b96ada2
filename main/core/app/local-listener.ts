import type { ListeningSignal } from '../store/signal-repository.ts';
import type { Store } from '../store/store.ts';
import { localListenerId as externalId } from '../store/user-repository.ts';
const skippedKey = 'listener.skipped';
const hiddenKey = 'listener.not-interested';

function idSet(value: unknown): Set<number> {
  return new Set(
    Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [],
  );
}

/**
 * The person at the keyboard: one local user whose ratings persist, so the next launch starts
 * from their profile. Songs they said they don't know are remembered so as not to ask again.
 */
export class LocalListener {
  readonly #store: Store;
  #id: number | undefined;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * The listener's user id, created by their first write: composing the core and reading an
   * empty profile write nothing (so they never wait for another process's lock).
   */
  #ensureId(): number {
    this.#id ??= this.#store.users.ensure('local', externalId);
    return this.#id;
  }

  #existingId(): number | undefined {
    this.#id ??= this.#store.users.find('local', externalId)?.id;
    return this.#id;
  }

  /** The listener's user id, or `undefined` before their first write. */
  userId(): number | undefined {
    return this.#existingId();
  }

  /** As {@link userId}, creating the listener if need be. */
  ensureUserId(): number {
    return this.#ensureId();
  }

  ratings(): { trackId: number; rating: number; ratedAt: number }[] {
    const id = this.#existingId();
    return id === undefined ? [] : this.#store.ratings.forUser(id);
  }

  /**
   * What their imported listening history says, per song they played (none before any), with
   * strengths as of `now` (Unix seconds).
   */
  listening(now?: number): ListeningSignal[] {
    const id = this.#existingId();
    return id === undefined ? [] : this.#store.signals.forUser(id, now);
  }

  skipped(): Set<number> {
    return idSet(this.#store.settings.get(skippedKey));
  }

  /** Songs the listener said "not interested" to: never picked again, a mild dislike. */
  hidden(): Set<number> {
    return idSet(this.#store.settings.get(hiddenKey));
  }

  hide(trackId: number): void {
    this.#store.settings.set(hiddenKey, [...this.hidden().add(trackId)]);
  }

  skip(trackId: number): void {
    this.#store.settings.set(skippedKey, [...this.skipped(), trackId]);
  }

  /** Saves a round's ratings in one transaction; a song rated again keeps the newer stars. */
  rate(
    ratings: readonly { trackId: number; stars: number }[],
    now = Math.floor(Date.now() / 1000),
  ): void {
    this.#store.ratings.upsertMany(
      ratings.map((r) => ({
        userId: this.#ensureId(),
        trackId: r.trackId,
        rating: r.stars,
        ratedAt: now,
      })),
    );
  }

  /** Forgets the rating of `trackId`; false when there was none. */
  remove(trackId: number): boolean {
    const id = this.#existingId();
    return id !== undefined && this.#store.ratings.deleteOne(id, trackId);
  }

  /** Puts back the songs skipped and hidden, as a profile set aside had them. */
  restoreLists(lists: { readonly skipped: readonly number[]; readonly hidden: readonly number[] }) {
    this.#store.settings.set(skippedKey, lists.skipped);
    this.#store.settings.set(hiddenKey, lists.hidden);
  }

  /** Forgets every rating, skip and hide of this listener. */
  reset(): number {
    return this.#store.transaction(() => {
      this.#store.settings.set(skippedKey, []);
      this.#store.settings.set(hiddenKey, []);
      const id = this.#existingId();
      return id === undefined ? 0 : this.#store.ratings.deleteForUser(id);
    });
  }
}
