import type { EarshotEvents, EventName } from '../contract/index.ts';

export type EventListener = <E extends EventName>(event: E, payload: EarshotEvents[E]) => void;

/** Fan-out of push events to every face (windows, browser tabs, the terminal). */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EarshotEvents[E]): void {
    for (const listener of this.#listeners) listener(event, payload);
  }
}
