import { setTimeout as delay } from 'node:timers/promises';

/** How transient failures (5xx, network, timeout, malformed body) are retried. */
export interface RetryPolicy {
  /** Attempts per request in all, the first included. */
  readonly attempts: number;
  /** The first retry waits up to this long; each further retry doubles it. */
  readonly baseMs: number;
  /** No single wait is longer than this. */
  readonly capMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, baseMs: 500, capMs: 30_000 };

/** Waits `ms`, or rejects as soon as `signal` aborts. Injectable so tests need not wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/**
 * The wait before retry number `retry` (0 for the first): "full jitter", a uniform draw from
 * [0, min(cap, base · 2^retry)]. Jitter spreads the retries of many clients hit by the same
 * outage instead of sending them back in lockstep.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  return Math.round(ceiling * random());
}

/** Lets at most `limit` tasks run at once; the others wait in arrival order. */
export class ConcurrencyLimit {
  readonly #limit: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    this.#limit = limit;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit)
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so `#running` stays put.
      if (next) next();
      else this.#running--;
    }
  }
}
