import type { TokenResult } from '../access-token.ts';
import type { BearerTokens } from '../spotify-client.ts';
import type { AccountTokens, TokenVault } from './account-tokens.ts';
import { requestGrant } from './token-grant.ts';

/** Refresh this long before the access token's announced expiry (clock skew, slow requests). */
const refreshMarginMs = 60_000;

export interface SessionOptions {
  readonly accountsUrl: string;
  readonly now?: () => number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * A signed-in account's tokens for the Web API client. The access token is refreshed a
 * minute before it expires (or at once after a 401), concurrent callers share one refresh,
 * and every new pair is written back to the vault, since Spotify rotates a PKCE client's
 * refresh token. A refused refresh token (revoked, expired) clears the vault: the account is
 * signed out and must sign in again.
 */
export class UserSession implements BearerTokens {
  readonly #vault: TokenVault;
  readonly #options: SessionOptions;
  readonly #now: () => number;
  #tokens: AccountTokens;
  #pending: Promise<TokenResult> | undefined;

  constructor(vault: TokenVault, tokens: AccountTokens, options: SessionOptions) {
    this.#vault = vault;
    this.#tokens = tokens;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get tokens(): AccountTokens {
    return this.#tokens;
  }

  get(): Promise<TokenResult> {
    const tokens = this.#tokens;
    if (this.#now() < tokens.expiresAt - refreshMarginMs)
      return Promise.resolve({
        ok: true,
        value: tokens.accessToken,
        expiresInSeconds: Math.floor((tokens.expiresAt - this.#now()) / 1000),
      });
    this.#pending ??= this.#refresh().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  invalidate(value: string): void {
    if (this.#tokens.accessToken === value) this.#tokens = { ...this.#tokens, expiresAt: 0 };
  }

  async #refresh(): Promise<TokenResult> {
    const before = this.#tokens;
    const issuedAt = this.#now();
    const result = await requestGrant(
      this.#options.accountsUrl,
      before.clientId,
      { grantType: 'refresh_token', refreshToken: before.refreshToken },
      { signal: this.#options.signal },
    );
    if (!result.ok) {
      if (result.error.code === 'invalid-grant' || result.error.code === 'invalid-client')
        await this.#vault.clear();
      return result;
    }
    const { grant } = result;
    this.#tokens = {
      ...before,
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken ?? before.refreshToken,
      expiresAt: issuedAt + grant.expiresInSeconds * 1000,
      scope: grant.scope || before.scope,
    };
    await this.#vault.write(this.#tokens);
    return { ok: true, value: grant.accessToken, expiresInSeconds: grant.expiresInSeconds };
  }
}
