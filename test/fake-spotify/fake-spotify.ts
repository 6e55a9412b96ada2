import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { makeFakeData } from './fake-data.ts';
import type { FakeData, FakeDataOptions } from './fake-data.ts';
import { FaultPlan } from './fake-faults.ts';
import type { Fault, FaultRule } from './fake-faults.ts';
import { spotifyError } from './fake-objects.ts';
import { routeApi } from './fake-routes.ts';
import type { Answer, FakePlaylist, RouteState } from './fake-routes.ts';
import { TokenDesk } from './token-desk.ts';

export type { Fault, FaultRule } from './fake-faults.ts';
export type { FakePlaylist } from './fake-routes.ts';

export interface FakeSpotifyOptions {
  /** The made-up catalogue, or options to generate one (see `makeFakeData`). */
  readonly data?: FakeData | FakeDataOptions;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** `expires_in` of issued tokens; they also stop working that long after issue. Default 3600. */
  readonly tokenLifetimeSeconds?: number;
  readonly faults?: readonly FaultRule[];
  /** Added before every answer, to make concurrency observable. Default 0. */
  readonly latencyMs?: number;
  readonly playlists?: readonly FakePlaylist[];
  readonly playlistItemsAllowed?: boolean;
  /** False: every Web API call is refused with Spotify's Premium message. Default true. */
  readonly ownerHasPremium?: boolean;
}

export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  /** Path and query, e.g. `/v1/albums/…/tracks?limit=50&offset=50`. */
  readonly path: string;
  /** A Web API request (below `/v1`), as opposed to a token request. */
  readonly api: boolean;
  /** The status sent, or what happened instead. */
  outcome: number | 'pending' | 'hung' | 'dropped';
  fault: Fault['kind'] | undefined;
}

export interface FakeSpotify {
  /** Base of both services; `apiUrl` is `${url}/v1`, `accountsUrl` is `url`. */
  readonly url: string;
  readonly apiUrl: string;
  readonly accountsUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly data: FakeData;
  /** Every request in arrival order. */
  readonly requests: LoggedRequest[];
  /** Web API requests only. */
  apiRequests(): LoggedRequest[];
  /** The most requests that were ever in flight at once. */
  readonly maxInFlight: number;
  /** Access tokens issued so far. */
  readonly tokensIssued: number;
  setFaults(rules: readonly FaultRule[]): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, answer: Answer, headers: Record<string, string> = {}): number {
  res.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers });
  res.end(answer.body);
  return answer.status;
}

/** Plays a fault; returns what the log should say happened. */
function playFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  desk: TokenDesk,
): LoggedRequest['outcome'] {
  switch (fault.kind) {
    case 'rate-limit':
      return send(
        res,
        { status: 429, body: spotifyError(429, 'API rate limit exceeded') },
        { 'Retry-After': String(fault.retryAfterSeconds) },
      );
    case 'quota-exceeded':
      return send(
        res,
        { status: 429, body: spotifyError(429, 'Too many requests', 'QUOTA_EXCEEDED') },
        fault.retryAfterSeconds === undefined
          ? {}
          : { 'Retry-After': String(fault.retryAfterSeconds) },
      );
    case 'server-error':
      return send(res, {
        status: fault.status ?? 500,
        body: spotifyError(fault.status ?? 500, 'Server error'),
      });
    case 'malformed-json':
      return send(res, { status: 200, body: '{"tracks": {"items": [{"id": "' });
    case 'hang':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"tracks": {"items": [');
      return 'hung';
    case 'drop-connection':
      req.socket.destroy();
      return 'dropped';
    case 'revoke-tokens':
      desk.revokeAll();
      return send(res, { status: 401, body: spotifyError(401, 'The access token expired') });
    case 'premium-required':
      return send(res, {
        status: 403,
        body: spotifyError(403, 'Active premium subscription required for the owner of the app'),
      });
    case 'echo-authorization':
      return send(res, {
        status: 502,
        body: `Bad gateway while forwarding Authorization: ${req.headers.authorization ?? ''}`,
      });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/**
 * A local fake of Spotify's accounts service and Web API, behaving as SPOTIFY.md describes
 * (search limit 10 and offset 1000, per-track lookups only, editorial playlists 404, playlist
 * items 403, Retry-After on 429), on 127.0.0.1 at a random port.
 */
export async function startFakeSpotify(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  const data =
    options.data && 'trackById' in options.data ? options.data : makeFakeData(options.data);
  const clientId = options.clientId ?? 'fake-client-id';
  const clientSecret = options.clientSecret ?? 'fake-client-secret-0123456789';
  const desk = new TokenDesk(clientId, clientSecret, options.tokenLifetimeSeconds ?? 3600);
  const faults = new FaultPlan(options.faults);
  const requests: LoggedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const state: { route: RouteState | undefined } = { route: undefined };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = `${url.pathname}${url.search}`;
    const entry: LoggedRequest = {
      seq: requests.length + 1,
      method: req.method ?? 'GET',
      path,
      api: url.pathname.startsWith('/v1/'),
      outcome: 'pending',
      fault: undefined,
    };
    requests.push(entry);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.once('close', () => inFlight--);
    if (options.latencyMs) await delay(options.latencyMs);
    const fault = faults.pick(path);
    entry.fault = fault?.kind;
    if (fault) entry.outcome = playFault(fault, req, res, desk);
    else if (url.pathname === '/api/token' && req.method === 'POST')
      entry.outcome = send(res, desk.issue(req.headers.authorization, await readBody(req)));
    else if (!entry.api)
      entry.outcome = send(res, { status: 404, body: spotifyError(404, 'Not found') });
    else if (options.ownerHasPremium === false)
      entry.outcome = send(res, {
        status: 403,
        body: spotifyError(403, 'Active premium subscription required for the owner of the app'),
      });
    else if (!desk.accepts(req.headers.authorization))
      entry.outcome = send(res, {
        status: 401,
        body: spotifyError(401, 'Missing/invalid/expired access token'),
      });
    else entry.outcome = send(res, routeApi(state.route!, url));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.route = {
    data,
    apiUrl: `${url}/v1`,
    playlists: options.playlists ?? [],
    playlistItemsAllowed: options.playlistItemsAllowed ?? false,
    searchCache: new Map(),
  };
  return {
    url,
    apiUrl: `${url}/v1`,
    accountsUrl: url,
    clientId,
    clientSecret,
    data,
    requests,
    apiRequests: () => requests.filter((r) => r.api),
    get maxInFlight() {
      return maxInFlight;
    },
    get tokensIssued() {
      return desk.issued;
    },
    setFaults: (rules) => faults.set(rules),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
