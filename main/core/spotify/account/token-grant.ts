import { globalAgent as httpAgent } from 'node:http';
import { globalAgent as httpsAgent } from 'node:https';
import { attemptRequest } from '../http-attempt.ts';
import { isTransient } from '../spotify-error.ts';
import type { SpotifyFailure } from '../spotify-error.ts';

/** What the accounts service grants: a short-lived access token and, usually, a refresh token. */
export interface Grant {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  /** Spotify rotates refresh tokens of PKCE clients; absent, the old one stays valid. */
  readonly refreshToken: string | undefined;
  readonly scope: string;
}

export type GrantResult =
  | { readonly ok: true; readonly grant: Grant }
  | { readonly ok: false; readonly error: SpotifyFailure };

export type GrantRequest =
  | {
      readonly grantType: 'authorization_code';
      readonly code: string;
      readonly redirectUri: string;
      readonly verifier: string;
    }
  | { readonly grantType: 'refresh_token'; readonly refreshToken: string };

function readGrant(body: unknown): Grant | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const { access_token: access, expires_in: expires, refresh_token: refresh, scope } = fields;
  if (typeof access !== 'string' || access === '' || typeof expires !== 'number' || !(expires > 0))
    return undefined;
  return {
    accessToken: access,
    expiresInSeconds: expires,
    refreshToken: typeof refresh === 'string' && refresh !== '' ? refresh : undefined,
    scope: typeof scope === 'string' ? scope : '',
  };
}

/** Every secret of a grant request, so no failure message can carry one. */
function secretsOf(request: GrantRequest): string[] {
  return request.grantType === 'authorization_code'
    ? [request.code, request.verifier]
    : [request.refreshToken];
}

/**
 * Asks the accounts service for tokens, as a public client: the client id in the form, no
 * secret. A code is exchanged with its PKCE verifier; a refresh token for a fresh access token.
 * Transient failures (5xx, network) are tried once more.
 */
export async function requestGrant(
  accountsUrl: string,
  clientId: string,
  request: GrantRequest,
  options: { readonly timeoutMs?: number; readonly signal?: AbortSignal | undefined } = {},
): Promise<GrantResult> {
  const form = new URLSearchParams({ grant_type: request.grantType, client_id: clientId });
  if (request.grantType === 'authorization_code') {
    form.set('code', request.code);
    form.set('redirect_uri', request.redirectUri);
    form.set('code_verifier', request.verifier);
  } else form.set('refresh_token', request.refreshToken);
  const secrets = secretsOf(request).filter((s) => s.length >= 4);
  const redact = (text: string): string =>
    secrets.reduce((clean, secret) => clean.replaceAll(secret, '[redacted]'), text);
  for (let attempt = 1; ; attempt++) {
    const result = await attemptRequest(
      {
        url: `${accountsUrl.replace(/\/+$/, '')}/api/token`,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      },
      {
        timeoutMs: options.timeoutMs ?? 15_000,
        signal: options.signal,
        agent: (url) => (url.protocol === 'https:' ? httpsAgent : httpAgent),
        nowMs: Date.now(),
        redact,
      },
    );
    if (!result.ok) {
      if (attempt < 2 && isTransient(result.error.code)) continue;
      return { ok: false, error: { ...result.error, message: redact(result.error.message) } };
    }
    const grant = readGrant(result.body);
    if (grant !== undefined) return { ok: true, grant };
    return {
      ok: false,
      error: {
        code: 'malformed-response',
        message: 'Spotify answered the sign-in without an access token and its lifetime',
      },
    };
  }
}
