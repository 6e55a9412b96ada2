import fetch from 'node-fetch';
import type { Agent } from 'node:http';
import { failureFromResponse, parseRetryAfter } from './spotify-error.ts';
import type { SpotifyResult } from './spotify-error.ts';

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface AttemptOptions {
  /** Covers the whole exchange, body included: a response that never ends times out too. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Keep-alive agents, so a crawl of thousands of requests does not open thousands of sockets. */
  readonly agent: (url: URL) => Agent;
  readonly nowMs: number;
  /** Applied to an error body before any of it is quoted, so no secret can leak in part. */
  readonly redact: (text: string) => string;
}

/**
 * One HTTP exchange, never thrown: every outcome (an answer, a refusal, a dropped connection,
 * a timeout, the caller cancelling) comes back as a {@link SpotifyResult}.
 */
export async function attemptRequest(
  request: HttpRequest,
  options: AttemptOptions,
): Promise<SpotifyResult> {
  const { signal } = options;
  if (signal?.aborted) return cancelled();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      agent: options.agent,
    });
    const text = response.ok ? await response.text() : options.redact(await response.text());
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), options.nowMs);
      return { ok: false, error: failureFromResponse(response.status, text, retryAfter) };
    }
    return parseBody(text, response.status);
  } catch (error) {
    if (signal?.aborted) return cancelled();
    if (timedOut)
      return {
        ok: false,
        error: {
          code: 'timeout',
          message: `Spotify did not answer within ${options.timeoutMs} ms`,
        },
      };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'network', message: `Cannot reach Spotify: ${reason}` } };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function parseBody(text: string, status: number): SpotifyResult {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      error: {
        code: 'malformed-response',
        status,
        message: `Spotify answered ${status} with a body that is not JSON (${text.length} bytes)`,
      },
    };
  }
}

function cancelled(): SpotifyResult {
  return { ok: false, error: { code: 'cancelled', message: 'The request was cancelled' } };
}
