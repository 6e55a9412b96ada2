import type { SpotifyFailure } from './spotify-error.ts';

export type TokenResult =
  | { readonly ok: true; readonly value: string; readonly expiresInSeconds: number }
  | { readonly ok: false; readonly error: SpotifyFailure };

/** Longest head start taken on a token's expiry; short-lived tokens renew at half-life. */
const renewMarginMs = 60_000;

/**
 * Caches a client-credentials access token. Spotify issues no refresh token, so a new one is
 * asked for shortly before the current one expires, or at once after a 401. Concurrent callers
 * share one token request instead of each starting their own.
 */
export class AccessTokens {
  readonly #request: () => Promise<TokenResult>;
  readonly #now: () => number;
  #current: { value: string; renewAtMs: number } | undefined;
  #pending: Promise<TokenResult> | undefined;

  constructor(request: () => Promise<TokenResult>, now: () => number) {
    this.#request = request;
    this.#now = now;
  }

  async get(): Promise<TokenResult> {
    const current = this.#current;
    if (current !== undefined && this.#now() < current.renewAtMs)
      return { ok: true, value: current.value, expiresInSeconds: 0 };
    this.#pending ??= this.#renew().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Forgets `value` after Spotify refused it, unless another caller already replaced it. */
  invalidate(value: string): void {
    if (this.#current?.value === value) this.#current = undefined;
  }

  async #renew(): Promise<TokenResult> {
    const issuedAt = this.#now();
    const result = await this.#request();
    if (!result.ok) return result;
    const lifetimeMs = result.expiresInSeconds * 1000;
    const margin = Math.min(renewMarginMs, lifetimeMs / 2);
    this.#current = { value: result.value, renewAtMs: issuedAt + lifetimeMs - margin };
    return result;
  }
}
