import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AccessTokens } from './access-token.ts';
import { crawlLimits } from './crawl-limits.ts';
import type { TokenResult } from './access-token.ts';
import { attemptRequest } from './http-attempt.ts';
import type { HttpRequest } from './http-attempt.ts';
import { backoffDelay, ConcurrencyLimit, defaultRetryPolicy, realSleep } from './retry-policy.ts';
import type { RetryPolicy, Sleep } from './retry-policy.ts';
import { isTransient } from './spotify-error.ts';
import type { SpotifyErrorCode, SpotifyFailure, SpotifyResult } from './spotify-error.ts';
import { readTokenResponse, Redactor } from './token-response.ts';

export interface SpotifyCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Where a client's bearer tokens come from: the client-credentials cache ({@link AccessTokens})
 * or a signed-in user's session, which refreshes its own.
 */
export interface BearerTokens {
  get(): Promise<TokenResult>;
  /** Spotify refused `value` (401): the next `get` must not return it again. */
  invalidate(value: string): void;
}

export interface SpotifyClientOptions {
  /** The app's own credentials (crawling)… */
  readonly credentials?: SpotifyCredentials | undefined;
  /** …or a signed-in user's tokens (their library); these win when both are given. */
  readonly tokens?: BearerTokens | undefined;
  /** Web API base, e.g. `https://api.spotify.com/v1`. */
  readonly apiUrl: string;
  /** Accounts service base, e.g. `https://accounts.spotify.com`. */
  readonly accountsUrl: string;
  /** Cancels every request of this client. */
  readonly signal?: AbortSignal | undefined;
  /** Per attempt, body included. Default `crawlLimits.attemptTimeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /**
   * Per request: every attempt and the backoff between them. Default
   * `crawlLimits.requestDeadlineMs`. A 429's pause does not count against it.
   */
  readonly deadlineMs?: number | undefined;
  /** Largest response body read. Default `crawlLimits.maxBodyBytes`. */
  readonly maxBodyBytes?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** A 429 asking for a longer wait than this fails as `rate-limited` instead. Default 60 s. */
  readonly retryAfterCapSeconds?: number | undefined;
  /** Requests in flight at once, 1 or 2. Default 2. */
  readonly maxInFlight?: number | undefined;
  readonly now?: (() => number) | undefined;
  readonly sleep?: Sleep | undefined;
  readonly random?: (() => number) | undefined;
  /** Told before every wait: a 429's `Retry-After`, or the backoff before a retry. */
  readonly onWait?: ((wait: SpotifyWait) => void) | undefined;
}

export interface SpotifyWait {
  readonly reason: 'rate-limited' | 'retry';
  readonly ms: number;
  /** What caused it. */
  readonly code: SpotifyErrorCode;
}

/** Short 429 waits in a row before giving up as `rate-limited`: the limit is not easing. */
const maxRateLimitWaits = 5;

/**
 * A typed Spotify Web API client, signed in as the app (client credentials, cached token) or as
 * a user (their session's tokens): retries with backoff, `Retry-After` honoured up to a cap, at
 * most two requests in flight. Results are values ({@link SpotifyResult}); nothing is thrown
 * for what Spotify or the network does.
 */
export class SpotifyClient {
  readonly #options: SpotifyClientOptions;
  readonly #apiUrl: string;
  readonly #policy: RetryPolicy;
  readonly #limit: ConcurrencyLimit;
  readonly #tokens: BearerTokens;
  readonly #redactor: Redactor;
  readonly #agents: { http: HttpAgent; https: HttpsAgent };
  readonly #now: () => number;
  readonly #sleep: Sleep;
  #pausedUntilMs = 0;
  #requestCount = 0;

  constructor(options: SpotifyClientOptions) {
    const maxInFlight = options.maxInFlight ?? 2;
    if (maxInFlight !== 1 && maxInFlight !== 2)
      throw new RangeError(`maxInFlight must be 1 or 2, got ${maxInFlight}`);
    this.#options = options;
    this.#apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#policy = { ...defaultRetryPolicy, ...options.retry };
    this.#limit = new ConcurrencyLimit(maxInFlight);
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? realSleep;
    this.#redactor = new Redactor(options.credentials);
    const { credentials, tokens } = options;
    if (tokens !== undefined) this.#tokens = tokens;
    else if (credentials !== undefined)
      this.#tokens = new AccessTokens(() => this.#requestToken(), this.#now);
    else throw new RangeError('a Spotify client needs credentials or tokens');
    const agentOptions = { keepAlive: true, maxSockets: maxInFlight };
    this.#agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
  }

  /** HTTP exchanges made so far, retries and token requests included. */
  get requestCount(): number {
    return this.#requestCount;
  }

  /** GETs `path` (below the API base, e.g. `/tracks/…`) and returns its JSON body. */
  get(path: string): Promise<SpotifyResult> {
    return this.send('GET', path);
  }

  /**
   * Sends `json` to `path` (below the API base) and returns the answer's JSON body (`null` for
   * an empty one). A write is retried like a read: Spotify's playlist writes replace or append
   * whole lists, and a retry after a lost answer is what its own clients do.
   */
  async send(method: 'GET' | 'POST' | 'PUT', path: string, json?: unknown): Promise<SpotifyResult> {
    let renewed = false;
    for (;;) {
      const token = await this.#tokens.get();
      if (!token.ok) return { ok: false, error: this.#redactor.failure(token.error) };
      this.#redactor.addToken(token.value);
      const result = await this.#withRetries({
        url: `${this.#apiUrl}${path}`,
        method,
        headers: {
          Authorization: `Bearer ${token.value}`,
          Accept: 'application/json',
          ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      // A token can die before its announced expiry (revoked, clock skew): renew it once.
      if (!result.ok && result.error.code === 'unauthorized' && !renewed) {
        renewed = true;
        this.#tokens.invalidate(token.value);
        continue;
      }
      return result;
    }
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #requestToken(): Promise<TokenResult> {
    const result = await this.#withRetries({
      url: `${this.#options.accountsUrl.replace(/\/+$/, '')}/api/token`,
      method: 'POST',
      headers: {
        Authorization: this.#redactor.basicAuthorization,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    if (!result.ok) return result;
    const token = readTokenResponse(result.body);
    if (token.ok) this.#redactor.addToken(token.value);
    return token;
  }

  async #withRetries(request: HttpRequest): Promise<SpotifyResult> {
    let retries = 0;
    let rateLimitWaits = 0;
    // Measured on the monotonic clock: the injectable `now` may stand still in tests.
    let deadline = performance.now() + (this.#options.deadlineMs ?? crawlLimits.requestDeadlineMs);
    for (;;) {
      const pausedFrom = performance.now();
      const paused = await this.#waitOutPause();
      if (paused !== undefined) return { ok: false, error: paused };
      deadline += performance.now() - pausedFrom;
      const left = deadline - performance.now();
      if (left <= 0) return { ok: false, error: this.#deadlinePassed() };
      const result = await this.#limit.run(() => this.#attempt(request, left));
      if (result.ok) return result;
      const error = this.#redactor.failure(result.error);
      if (error.code === 'rate-limited' && rateLimitWaits < maxRateLimitWaits) {
        const waitMs = this.#rateLimitWaitMs(error, rateLimitWaits);
        if (waitMs === undefined) return { ok: false, error };
        rateLimitWaits++;
        this.#options.onWait?.({ reason: 'rate-limited', ms: waitMs, code: error.code });
        this.#pausedUntilMs = Math.max(this.#pausedUntilMs, this.#now() + waitMs);
        continue;
      }
      if (!isTransient(error.code) || retries + 1 >= this.#policy.attempts)
        return { ok: false, error };
      const waitMs = backoffDelay(retries, this.#policy, this.#random);
      // A retry that could not start before the deadline is not waited for.
      if (performance.now() + waitMs >= deadline) return { ok: false, error };
      this.#options.onWait?.({ reason: 'retry', ms: waitMs, code: error.code });
      const slept = await this.#sleepFor(waitMs);
      if (slept !== undefined) return { ok: false, error: slept };
      retries++;
    }
  }

  #deadlinePassed(): SpotifyFailure {
    const seconds = Math.round((this.#options.deadlineMs ?? crawlLimits.requestDeadlineMs) / 1000);
    return {
      code: 'timeout',
      message: `Spotify did not answer within ${seconds} s, retries included`,
    };
  }

  #attempt(request: HttpRequest, leftMs: number): Promise<SpotifyResult> {
    this.#requestCount++;
    return attemptRequest(request, {
      timeoutMs: Math.min(leftMs, this.#options.timeoutMs ?? crawlLimits.attemptTimeoutMs),
      ...(this.#options.maxBodyBytes === undefined
        ? {}
        : { maxBodyBytes: this.#options.maxBodyBytes }),
      signal: this.#options.signal,
      agent: (url) => (url.protocol === 'https:' ? this.#agents.https : this.#agents.http),
      nowMs: this.#now(),
      redact: (text) => this.#redactor.text(text),
    });
  }

  /** The wait a 429 asks for, or undefined when it is beyond the cap (the caller stops). */
  #rateLimitWaitMs(error: SpotifyFailure, waitsSoFar: number): number | undefined {
    const cap = this.#options.retryAfterCapSeconds ?? 60;
    if (error.retryAfterSeconds === undefined)
      return Math.max(1000, backoffDelay(waitsSoFar, this.#policy, this.#random));
    return error.retryAfterSeconds <= cap ? error.retryAfterSeconds * 1000 : undefined;
  }

  /** Every request waits while a 429 pause shared by all of them lasts. */
  async #waitOutPause(): Promise<SpotifyFailure | undefined> {
    const remaining = this.#pausedUntilMs - this.#now();
    return remaining > 0 ? this.#sleepFor(remaining) : undefined;
  }

  async #sleepFor(ms: number): Promise<SpotifyFailure | undefined> {
    try {
      await this.#sleep(ms, this.#options.signal);
      return undefined;
    } catch {
      return { code: 'cancelled', message: 'The request was cancelled' };
    }
  }

  readonly #random = (): number => (this.#options.random ?? Math.random)();
}
