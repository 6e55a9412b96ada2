import { SpotifyClient } from '../spotify-client.ts';
import type { AccountTokens, AccountUser } from './account-tokens.ts';
import { listenForCallback } from './callback-listener.ts';
import { describeAccountFailure } from './describe-failure.ts';
import { createPkcePair, createState } from './pkce.ts';
import { accountScopes } from './scopes.ts';
import { accountFailure } from './sign-in-failure.ts';
import type { AccountResult } from './sign-in-failure.ts';
import { requestGrant } from './token-grant.ts';

/** How long the listener waits for the browser by default. */
const defaultSignInTimeoutMs = 5 * 60_000;

export interface SignInOptions {
  readonly clientId: string;
  readonly apiUrl: string;
  readonly accountsUrl: string;
  /** The loopback port; 0 for any free one. */
  readonly port: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal | undefined;
}

export interface PendingSignIn {
  /** Spotify's consent page for this sign-in; open it in the system browser. */
  readonly authorizeUrl: string;
  readonly redirectUri: string;
  /** The signed-in account, or why the sign-in ended without one. */
  readonly done: Promise<AccountResult<AccountTokens>>;
}

function authorizeUrl(
  options: SignInOptions,
  redirectUri: string,
  challenge: string,
  state: string,
): string {
  const url = new URL(`${options.accountsUrl}/authorize`);
  url.search = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
    scope: accountScopes.join(' '),
  }).toString();
  return url.toString();
}

/** `GET /me` with a fresh access token: who signed in (id and display name, no scope needed). */
async function readUser(
  options: SignInOptions,
  accessToken: string,
): Promise<AccountResult<AccountUser>> {
  const client = new SpotifyClient({
    tokens: {
      get: () => Promise.resolve({ ok: true, value: accessToken, expiresInSeconds: 3600 }),
      invalidate: () => undefined,
    },
    apiUrl: options.apiUrl,
    accountsUrl: options.accountsUrl,
    maxInFlight: 1,
    retry: { attempts: 2 },
    retryAfterCapSeconds: 10,
    signal: options.signal,
  });
  try {
    const result = await client.get('/me');
    if (!result.ok) return { ok: false, error: describeAccountFailure(result.error) };
    const body = result.body as { id?: unknown; display_name?: unknown } | null;
    if (typeof body?.id !== 'string' || body.id === '')
      return {
        ok: false,
        error: accountFailure('unavailable', 'Spotify answered /me without an account id.'),
      };
    const name = typeof body.display_name === 'string' ? body.display_name.trim() : '';
    return { ok: true, value: { id: body.id, displayName: name || body.id } };
  } finally {
    client.close();
  }
}

/**
 * Starts a sign-in with Authorization Code and PKCE: a fresh verifier and state, a one-shot
 * listener on 127.0.0.1, and Spotify's consent page to open in the browser. When the browser
 * comes back with the code, it is exchanged (client id and verifier, no secret) and the account
 * read; the browser's tab is told the outcome. Resolves once the listener is up.
 */
export async function startSignIn(options: SignInOptions): Promise<AccountResult<PendingSignIn>> {
  if (options.clientId.trim() === '')
    return {
      ok: false,
      error: accountFailure(
        'no-client-id',
        "Earshot needs your Spotify app's client id to sign in (no secret). Create an app on developer.spotify.com and copy its client id.",
      ),
    };
  const pkce = createPkcePair();
  const state = createState();
  let redirectUri = '';
  let signedIn: AccountTokens | undefined;
  const listener = await listenForCallback({
    port: options.port,
    state,
    timeoutMs: options.timeoutMs ?? defaultSignInTimeoutMs,
    signal: options.signal,
    finish: async (code) => {
      const issuedAt = Date.now();
      const exchanged = await requestGrant(
        options.accountsUrl,
        options.clientId,
        { grantType: 'authorization_code', code, redirectUri, verifier: pkce.verifier },
        { signal: options.signal },
      );
      if (!exchanged.ok) return { ok: false, error: describeAccountFailure(exchanged.error) };
      const { grant } = exchanged;
      if (grant.refreshToken === undefined)
        return {
          ok: false,
          error: accountFailure('sign-in-failed', 'Spotify signed in without a refresh token.'),
        };
      const user = await readUser(options, grant.accessToken);
      if (!user.ok) return user;
      signedIn = {
        clientId: options.clientId,
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt: issuedAt + grant.expiresInSeconds * 1000,
        scope: grant.scope,
        user: user.value,
      };
      return { ok: true, value: `Earshot is signed in to Spotify as ${user.value.displayName}.` };
    },
  });
  if (!listener.ok) return listener;
  redirectUri = listener.value.redirectUri;
  const done = listener.value.done.then((result): AccountResult<AccountTokens> => {
    if (!result.ok) return result;
    return signedIn === undefined
      ? { ok: false, error: accountFailure('sign-in-failed', 'The sign-in did not finish.') }
      : { ok: true, value: signedIn };
  });
  return {
    ok: true,
    value: {
      authorizeUrl: authorizeUrl(options, redirectUri, pkce.challenge, state),
      redirectUri,
      done,
    },
  };
}
