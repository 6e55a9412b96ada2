import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `error` is SQLite saying another connection holds the lock it needs: SQLITE_BUSY and
 * its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY…), or SQLITE_LOCKED.
 */
export function isBusyError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string')
    return false;
  return error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED');
}

export interface BusyRetryOptions {
  /** How long to keep trying before giving up with the last busy error. Default 10 minutes. */
  readonly timeoutMs?: number;
  /** Stops waiting (rejecting with the abort reason) when aborted. */
  readonly signal?: AbortSignal;
  /** Told once, when the first attempt found the database busy. */
  readonly onWait?: () => void;
}

/**
 * The busy timeout of a connection that serves a window or a browser: a statement blocks the
 * event loop for at most this long, and writes wait longer with {@link retryWhileBusy}.
 */
export const interactiveBusyTimeoutMs = 10;

const firstDelayMs = 5;
const longestDelayMs = 250;

/**
 * Runs `write` and, while another process holds the write lock, tries it again after a growing
 * pause. `write` must have no effect when it fails busy: one transaction, or reads followed by
 * one write, as SQLite undoes a transaction that could not get its lock. The pauses are timers, so the event loop keeps serving
 * everything else; the connection's own busy timeout should be short for the same reason.
 */
export async function retryWhileBusy<T>(
  write: () => T | Promise<T>,
  options: BusyRetryOptions = {},
): Promise<T> {
  const deadline = performance.now() + (options.timeoutMs ?? 10 * 60_000);
  let delay = firstDelayMs;
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      return await write();
    } catch (error) {
      if (!isBusyError(error) || performance.now() + delay > deadline) throw error;
      if (!told) options.onWait?.();
      told = true;
    }
    await sleep(delay, undefined, options.signal ? { signal: options.signal } : {});
    delay = Math.min(longestDelayMs, delay * 2);
  }
}
