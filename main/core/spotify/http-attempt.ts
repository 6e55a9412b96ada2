import fetch from 'node-fetch';
import type { Response } from 'node-fetch';
import type { Agent } from 'node:http';
import { crawlLimits } from './crawl-limits.ts';
import { failureFromResponse, parseRetryAfter, redirectFailure } from './spotify-error.ts';
import type { SpotifyFailure, SpotifyResult } from './spotify-error.ts';

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT';
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
  /** Default `crawlLimits.maxBodyBytes`. */
  readonly maxBodyBytes?: number;
}

type Body = { readonly text: string } | { readonly tooLarge: true };

/**
 * Reads a body up to `cap` bytes. Past the cap, `truncate` keeps what came (an error message
 * needs no more), otherwise the body is abandoned as too large; either way the rest is never
 * downloaded: `stop` aborts the exchange.
 */
async function readCapped(
  response: Response,
  cap: number,
  truncate: boolean,
  stop: () => void,
): Promise<Body> {
  const declared = Number(response.headers.get('content-length'));
  if (!truncate && Number.isFinite(declared) && declared > cap) {
    stop();
    return { tooLarge: true };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    const buffer = chunk instanceof Buffer ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > cap) {
      stop();
      if (!truncate) return { tooLarge: true };
      chunks.push(buffer.subarray(0, buffer.length - (size - cap)));
      break;
    }
    chunks.push(buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

async function interpret(
  request: HttpRequest,
  response: Response,
  options: AttemptOptions,
  stop: () => void,
): Promise<SpotifyResult> {
  if (response.status >= 300 && response.status < 400) {
    stop();
    const failure = redirectFailure(response.status, response.headers.get('location'), request.url);
    return { ok: false, error: failure };
  }
  const cap = options.maxBodyBytes ?? crawlLimits.maxBodyBytes;
  if (!response.ok) {
    const body = await readCapped(response, crawlLimits.maxErrorBodyBytes, true, stop);
    const text = 'text' in body ? options.redact(body.text) : '';
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), options.nowMs);
    return { ok: false, error: failureFromResponse(response.status, text, retryAfter) };
  }
  const body = await readCapped(response, cap, false, stop);
  if (!('text' in body)) return { ok: false, error: tooLarge(response.status, cap) };
  // A write may answer with no body at all (`PUT /playlists/{id}`: 200, empty).
  if (request.method !== 'GET' && body.text.trim() === '') return { ok: true, body: null };
  return parseBody(body.text, response.status);
}

/**
 * One HTTP exchange, never thrown: every outcome (an answer, a refusal, a dropped connection,
 * a timeout, the caller cancelling) comes back as a {@link SpotifyResult}. Redirects are not
 * followed and bodies are read only up to a cap.
 */
export async function attemptRequest(
  request: HttpRequest,
  options: AttemptOptions,
): Promise<SpotifyResult> {
  const { signal } = options;
  if (signal?.aborted) return cancelled();
  const deadline = AbortSignal.timeout(Math.max(1, Math.ceil(options.timeoutMs)));
  const stopper = new AbortController();
  const combined = AbortSignal.any([deadline, stopper.signal, ...(signal ? [signal] : [])]);
  const stop = (): void => stopper.abort();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: combined,
      agent: options.agent,
      redirect: 'manual',
    });
    return await interpret(request, response, options, stop);
  } catch (error) {
    if (signal?.aborted) return cancelled();
    if (deadline.aborted)
      return {
        ok: false,
        error: {
          code: 'timeout',
          message: `Spotify did not answer within ${options.timeoutMs} ms`,
        },
      };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'network', message: `Cannot reach Spotify: ${reason}` } };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1024 / 1024)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(status: number, cap: number): SpotifyFailure {
  return {
    code: 'too-large',
    status,
    message: `Spotify answered ${status} with a body larger than ${formatBytes(cap)}; Earshot stopped reading it`,
  };
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
