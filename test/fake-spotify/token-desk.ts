import { randomBytes } from 'node:crypto';
import type { Answer } from './fake-routes.ts';

/** The accounts service: client-credentials tokens, issued and checked. */
export class TokenDesk {
  readonly #expectedBasic: string;
  readonly #lifetimeSeconds: number;
  readonly #valid = new Map<string, number>();
  issued = 0;

  constructor(clientId: string, clientSecret: string, lifetimeSeconds: number) {
    this.#expectedBasic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    this.#lifetimeSeconds = lifetimeSeconds;
  }

  issue(authorization: string | undefined, body: string): Answer {
    if (authorization !== this.#expectedBasic)
      return {
        status: 400,
        body: JSON.stringify({ error: 'invalid_client', error_description: 'Invalid client' }),
      };
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials')
      return {
        status: 400,
        body: JSON.stringify({
          error: 'unsupported_grant_type',
          error_description: 'grant_type must be client_credentials',
        }),
      };
    const token = `BQ${randomBytes(24).toString('base64url')}`;
    this.#valid.set(token, Date.now() + this.#lifetimeSeconds * 1000);
    this.issued++;
    return {
      status: 200,
      body: JSON.stringify({
        access_token: token,
        token_type: 'bearer',
        expires_in: this.#lifetimeSeconds,
      }),
    };
  }

  accepts(authorization: string | undefined): boolean {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : this.#valid.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  revokeAll(): void {
    this.#valid.clear();
  }
}
