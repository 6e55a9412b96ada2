import type { TokenResult } from './access-token.ts';
import type { SpotifyFailure } from './spotify-error.ts';

/** Narrows the accounts service's answer: `{ access_token, token_type, expires_in }`. */
export function readTokenResponse(body: unknown): TokenResult {
  if (typeof body === 'object' && body !== null) {
    const { access_token: value, expires_in: expiresIn } = body as Record<string, unknown>;
    if (typeof value === 'string' && value !== '' && typeof expiresIn === 'number' && expiresIn > 0)
      return { ok: true, value, expiresInSeconds: expiresIn };
  }
  return {
    ok: false,
    error: {
      code: 'malformed-response',
      message: 'Spotify answered the token request without an access token and its lifetime',
    },
  };
}

const redacted = '[redacted]';

/**
 * Keeps secrets out of everything a failure carries. Spotify's own messages never echo them,
 * but a proxy's error page or a library's message might, and failures end up in logs and UIs.
 */
export class Redactor {
  readonly basicAuthorization: string;
  readonly #secrets = new Set<string>();

  /** `credentials` absent: a signed-in user's client, whose only secrets are its tokens. */
  constructor(credentials?: { clientId: string; clientSecret: string }) {
    const basic = credentials
      ? Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')
      : '';
    this.basicAuthorization = `Basic ${basic}`;
    if (credentials) for (const secret of [basic, credentials.clientSecret]) this.addToken(secret);
  }

  addToken(token: string): void {
    if (token.length >= 4) this.#secrets.add(token);
  }

  text(text: string): string {
    let clean = text;
    for (const secret of this.#secrets) clean = clean.replaceAll(secret, redacted);
    return clean;
  }

  failure(failure: SpotifyFailure): SpotifyFailure {
    const message = this.text(failure.message);
    return message === failure.message ? failure : { ...failure, message };
  }
}
