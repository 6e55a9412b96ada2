import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeFakeData } from './fake-data.ts';
import type { FakeData, FakeDataOptions } from './fake-data.ts';
import { FakeAccount } from './fake-account.ts';
import type { FakeAccountOptions } from './fake-account.ts';
import { FaultPlan } from './fake-faults.ts';
import type { FaultRule } from './fake-faults.ts';
import { FakeHandler } from './fake-handler.ts';
import type { LoggedRequest } from './fake-handler.ts';
import type { FakePlaylist, RouteState } from './fake-routes.ts';
import { TokenDesk } from './token-desk.ts';

export type { ConsentMode, CreatedPlaylist, FakeAccount } from './fake-account.ts';
export type { Fault, FaultRule } from './fake-faults.ts';
export type { LoggedRequest } from './fake-handler.ts';
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
  /** The signed-in listener's side (PKCE sign-in, `/me` routes); always on, this shapes it. */
  readonly account?: FakeAccountOptions;
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
  /** The accounts service's PKCE side and the signed-in user's library and playlists. */
  readonly account: FakeAccount;
  setFaults(rules: readonly FaultRule[]): void;
  close(): Promise<void>;
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
  const route: { -readonly [K in keyof RouteState]: RouteState[K] } = {
    data,
    apiUrl: '',
    playlists: options.playlists ?? [],
    playlistItemsAllowed: options.playlistItemsAllowed ?? false,
    searchCache: new Map(),
  };
  const account = new FakeAccount(clientId, options.account ?? {});
  const handler = new FakeHandler(desk, faults, route, { ...options, account });
  const server = createServer((req, res) => {
    handler.handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Links in answers (`next`, `href`) point at the fake itself, as Spotify's point at Spotify.
  route.apiUrl = `${url}/v1`;
  return {
    url,
    apiUrl: `${url}/v1`,
    accountsUrl: url,
    clientId,
    clientSecret,
    data,
    requests: handler.requests,
    apiRequests: () => handler.requests.filter((r) => r.api),
    get maxInFlight() {
      return handler.maxInFlight;
    },
    get tokensIssued() {
      return desk.issued;
    },
    account,
    setFaults: (rules) => faults.set(rules),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
