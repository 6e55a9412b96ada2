import { createHash, randomBytes } from 'node:crypto';
import type { FakeData } from './fake-data.ts';
import { fullTrack, page, spotifyError } from './fake-objects.ts';
import type { Answer } from './fake-routes.ts';

/** What the fake's consent page does when a browser arrives at `/authorize`. */
export type ConsentMode =
  /** The listener agrees: back to the redirect with a code and the same state. */
  | 'approve'
  /** The listener declines: back with `error=access_denied`. */
  | 'deny'
  /** Back with a code but another state (a forged or stale callback). */
  | 'wrong-state'
  /** The page answers 200 and never redirects (the listener walked away). */
  | 'stay';

export interface FakeAccountOptions {
  readonly userId?: string;
  readonly displayName?: string;
  /** `expires_in` of user access tokens. Default 3600. */
  readonly tokenLifetimeSeconds?: number;
  /** Track ids of the library, in Spotify's order (most relevant or most recent first). */
  readonly top?: readonly string[];
  readonly saved?: readonly { readonly id: string; readonly addedAt: string }[];
  readonly recent?: readonly { readonly id: string; readonly playedAt: string }[];
  /** Playlists in the library; `owner` other than the user's id are followed, not owned. */
  readonly playlists?: readonly FakeLibraryPlaylist[];
}

export interface FakeLibraryPlaylist {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly trackIds: readonly string[];
}

/** A playlist the signed-in user made through the fake. */
export interface CreatedPlaylist {
  readonly id: string;
  name: string;
  description: string;
  isPublic: boolean;
  uris: string[];
}

interface PendingCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly scope: string;
}

const json = (status: number, body: unknown): Answer => ({ status, body: JSON.stringify(body) });
const oauthError = (error: string, description: string): Answer =>
  json(400, { error, error_description: description });
const apiError = (status: number, message: string): Answer => ({
  status,
  body: spotifyError(status, message),
});

/** Spotify's accounts service for PKCE and the Web API's `/me` side, for one fake user. */
export class FakeAccount {
  consent: ConsentMode = 'approve';
  /** Refresh tokens stop working (the user removed the app under "Manage apps"). */
  refreshRevoked = false;
  readonly created = new Map<string, CreatedPlaylist>();
  /** Every `/authorize` query and token form seen, for assertions on what was sent. */
  readonly authorizeQueries: URLSearchParams[] = [];
  readonly tokenForms: URLSearchParams[] = [];
  refreshes = 0;
  readonly #options: FakeAccountOptions;
  readonly #clientId: string;
  readonly #codes = new Map<string, PendingCode>();
  readonly #access = new Map<string, number>();
  readonly #refresh = new Set<string>();

  constructor(clientId: string, options: FakeAccountOptions) {
    this.#clientId = clientId;
    this.#options = options;
  }

  get userId(): string {
    return this.#options.userId ?? 'fake-listener';
  }

  /** Is this the bearer of a user access token (as opposed to an app's)? */
  isUserToken(authorization: string | undefined): boolean {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : this.#access.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  /** Every access token stops working now (the next request gets 401, then a refresh). */
  expireAccessTokens(): void {
    this.#access.clear();
  }

  authorize(url: URL): Answer & { headers?: Record<string, string> } {
    const q = url.searchParams;
    this.authorizeQueries.push(q);
    const redirect = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== this.#clientId)
      return apiError(400, 'INVALID_CLIENT: Invalid client');
    if (!/^http:\/\/127\.0\.0\.1:\d+\/callback$/.test(redirect))
      return apiError(400, 'INVALID_CLIENT: Invalid redirect URI');
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256')
      return apiError(400, 'unsupported response type or challenge method');
    if (this.consent === 'stay') return { status: 200, body: '"Log in to Spotify"' };
    const back = new URL(redirect);
    const state = this.consent === 'wrong-state' ? 'not-the-state' : (q.get('state') ?? '');
    if (this.consent === 'deny') back.searchParams.set('error', 'access_denied');
    else {
      const code = `AQ${randomBytes(18).toString('base64url')}`;
      this.#codes.set(code, {
        clientId: this.#clientId,
        redirectUri: redirect,
        challenge: q.get('code_challenge') ?? '',
        scope: q.get('scope') ?? '',
      });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', state);
    return { status: 302, body: '', headers: { Location: back.toString() } };
  }

  /** `POST /api/token` for `authorization_code` and `refresh_token` grants. */
  token(form: URLSearchParams): Answer {
    this.tokenForms.push(form);
    if (form.get('client_id') !== this.#clientId)
      return oauthError('invalid_client', 'Invalid client');
    if (form.get('grant_type') === 'authorization_code') {
      const pending = this.#codes.get(form.get('code') ?? '');
      this.#codes.delete(form.get('code') ?? '');
      if (pending === undefined) return oauthError('invalid_grant', 'Invalid authorization code');
      if (pending.redirectUri !== form.get('redirect_uri'))
        return oauthError('invalid_grant', 'Invalid redirect URI');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== pending.challenge)
        return oauthError('invalid_grant', 'code_verifier was incorrect');
      return this.#issue(pending.scope);
    }
    if (form.get('grant_type') === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      if (this.refreshRevoked || !this.#refresh.has(refresh))
        return oauthError('invalid_grant', 'Refresh token revoked');
      this.refreshes++;
      this.#refresh.delete(refresh);
      return this.#issue(undefined);
    }
    return oauthError('unsupported_grant_type', 'grant_type not supported');
  }

  #issue(scope: string | undefined): Answer {
    const access = `BQu${randomBytes(24).toString('base64url')}`;
    const refresh = `AQr${randomBytes(24).toString('base64url')}`;
    const lifetime = this.#options.tokenLifetimeSeconds ?? 3600;
    this.#access.set(access, Date.now() + lifetime * 1000);
    this.#refresh.add(refresh);
    return json(200, {
      access_token: access,
      token_type: 'Bearer',
      expires_in: lifetime,
      refresh_token: refresh,
      ...(scope === undefined ? {} : { scope }),
    });
  }

  /** The Web API as the signed-in user sees it, or undefined for routes it does not own. */
  route(
    data: FakeData,
    apiUrl: string,
    method: string,
    url: URL,
    body: string,
  ): Answer | undefined {
    const path = url.pathname.replace(/^\/v1/, '');
    const track = (id: string) => fullTrack(data, apiUrl, data.trackById.get(id)!);
    const paged = (all: unknown[], max = 50) => {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), max);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return json(200, page(url, all, offset, limit, apiUrl));
    };
    if (method === 'GET' && path === '/me')
      return json(200, {
        id: this.userId,
        display_name: this.#options.displayName ?? 'Fake Listener',
        type: 'user',
        uri: `spotify:user:${this.userId}`,
      });
    if (method === 'GET' && path === '/me/top/tracks') {
      const range = url.searchParams.get('time_range') ?? 'medium_term';
      const ids = this.#options.top ?? [];
      // Each range its own slice, so the three overlap as real ones do.
      const shift = { short_term: 0, medium_term: 1, long_term: 2 }[range] ?? 0;
      return paged(ids.slice(shift).map(track));
    }
    if (method === 'GET' && path === '/me/tracks')
      return paged(
        (this.#options.saved ?? []).map((s) => ({ added_at: s.addedAt, track: track(s.id) })),
      );
    if (method === 'GET' && path === '/me/player/recently-played') {
      const items = (this.#options.recent ?? []).map((r) => ({
        played_at: r.playedAt,
        track: track(r.id),
      }));
      return json(200, { items: items.slice(0, 50), next: null, cursors: null, limit: 50 });
    }
    if (method === 'GET' && path === '/me/playlists') return paged(this.#playlistSummaries(apiUrl));
    if (method === 'POST' && path === '/me/playlists') return this.#create(body);
    const match = /^\/playlists\/([^/]+)(\/items)?$/.exec(path);
    if (match)
      return this.#playlist(data, apiUrl, method, url, match[1], match[2] !== undefined, body);
    return undefined;
  }

  #playlistSummaries(apiUrl: string): unknown[] {
    const library = (this.#options.playlists ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      owner: { id: p.owner, type: 'user' },
      items: { href: `${apiUrl}/playlists/${p.id}/items`, total: p.trackIds.length },
      tracks: null,
      type: 'playlist',
    }));
    const mine = [...this.created.values()].map((p) => ({
      id: p.id,
      name: p.name,
      owner: { id: this.userId, type: 'user' },
      items: { href: `${apiUrl}/playlists/${p.id}/items`, total: p.uris.length },
      tracks: null,
      type: 'playlist',
    }));
    return [...library, ...mine];
  }

  #create(body: string): Answer {
    const request = JSON.parse(body) as { name?: string; description?: string; public?: boolean };
    if (typeof request.name !== 'string' || request.name === '')
      return apiError(400, 'Missing name');
    const id = `pl${randomBytes(11).toString('hex')}`;
    this.created.set(id, {
      id,
      name: request.name,
      description: request.description ?? '',
      isPublic: request.public ?? true,
      uris: [],
    });
    return json(201, {
      id,
      name: request.name,
      public: request.public ?? true,
      external_urls: { spotify: `https://open.spotify.com/playlist/${id}` },
      owner: { id: this.userId },
    });
  }

  #playlist(
    data: FakeData,
    apiUrl: string,
    method: string,
    url: URL,
    id: string,
    isItems: boolean,
    body: string,
  ): Answer {
    const made = this.created.get(id);
    const library = (this.#options.playlists ?? []).find((p) => p.id === id);
    const owned = made !== undefined || library?.owner === this.userId;
    if (method === 'GET' && isItems) {
      if (!owned) return apiError(403, 'Forbidden');
      const ids = made ? made.uris.map((u) => u.slice('spotify:track:'.length)) : library!.trackIds;
      const items = ids.map((t) => ({
        added_at: '2026-05-01T00:00:00Z',
        item: fullTrack(data, apiUrl, data.trackById.get(t)!),
      }));
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 50);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return json(200, page(url, items, offset, limit, apiUrl));
    }
    if (made === undefined)
      return apiError(made === undefined && library === undefined ? 404 : 403, 'Not found');
    const request = JSON.parse(body || '{}') as {
      uris?: string[];
      name?: string;
      description?: string;
      public?: boolean;
    };
    if (method === 'PUT' && !isItems) {
      if (request.name !== undefined) made.name = request.name;
      if (request.description !== undefined) made.description = request.description;
      if (request.public !== undefined) made.isPublic = request.public;
      return { status: 200, body: '' };
    }
    const uris = request.uris ?? [];
    if (uris.length > 100) return apiError(400, 'Too many items; at most 100');
    if (method === 'PUT' && isItems) made.uris = [...uris];
    else if (method === 'POST' && isItems) made.uris.push(...uris);
    else return apiError(405, 'Method not allowed');
    return json(201, { snapshot_id: randomBytes(8).toString('hex') });
  }
}
