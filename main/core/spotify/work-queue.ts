import type { WorkItem } from '../store/crawl-repository.ts';

/**
 * The run's to-do list in memory, first in first out: loaded once from the store, then fed
 * with the requests each answer reveals. Taking the next request costs no query, which keeps
 * a crawl of thousands of requests linear. Each request is queued at most once per run.
 */
export class WorkQueue {
  readonly #items: WorkItem[] = [];
  readonly #seen = new Set<number>();
  #next = 0;

  constructor(items: readonly WorkItem[]) {
    this.push(items);
  }

  push(items: readonly WorkItem[]): void {
    for (const item of items) {
      if (this.#seen.has(item.id)) continue;
      this.#seen.add(item.id);
      this.#items.push(item);
    }
  }

  /** The next request whose source `isLive` (a failed source's work is dropped). */
  take(isLive: (item: WorkItem) => boolean): WorkItem | undefined {
    while (this.#next < this.#items.length) {
      const item = this.#items[this.#next++];
      if (isLive(item)) return item;
    }
    return undefined;
  }

  /** Requests queued and not yet taken. */
  get waiting(): number {
    return this.#items.length - this.#next;
  }
}
