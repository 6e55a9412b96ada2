import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { FakeAccount } from './fake-account.ts';
import type { FaultPlan, Fault } from './fake-faults.ts';
import { spotifyError } from './fake-objects.ts';
import { inflateTotals, streamHugeBody } from './fake-payloads.ts';
import { routeApi } from './fake-routes.ts';
import type { Answer, RouteState } from './fake-routes.ts';
import type { TokenDesk } from './token-desk.ts';

export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  /** Path and query, e.g. `/v1/albums/…/tracks?limit=50&offset=50`. */
  readonly path: string;
  /** A Web API request (below `/v1`), as opposed to a token request. */
  readonly api: boolean;
  /** The status sent, or what happened instead. */
  outcome: number | 'pending' | 'hung' | 'dropped' | 'abandoned';
  fault: Fault['kind'] | undefined;
  /** Body bytes written before the answer ended or the client went away. */
  bodyBytes: number;
}

interface HandlerOptions {
  readonly latencyMs?: number | undefined;
  readonly ownerHasPremium?: boolean | undefined;
  /** The signed-in side: `/authorize`, user grants and `/me` routes. */
  readonly account?: FakeAccount | undefined;
}

const premiumMessage = 'Active premium subscription required for the owner of the app';

function send(res: ServerResponse, answer: Answer, headers: Record<string, string> = {}): number {
  res.writeHead(answer.status, {
    'Content-Type': 'application/json',
    ...answer.headers,
    ...headers,
  });
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
    case 'not-allow-listed':
      // Spotify says this one in plain text, not in its JSON error shape.
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('User not registered in the Developer Dashboard');
      return 403;
    case 'premium-required':
      return send(res, {
        status: 403,
        body: spotifyError(403, premiumMessage),
      });
    case 'echo-authorization':
      return send(res, {
        status: 502,
        body: `Bad gateway while forwarding Authorization: ${req.headers.authorization ?? ''}`,
      });
    case 'redirect': {
      const location = fault.location === 'same' ? (req.url ?? '/') : fault.location;
      res.writeHead(302, { Location: location, 'Content-Length': '0' });
      res.end();
      return 302;
    }
    case 'inflate-total':
    case 'huge-body':
      throw new Error(`${fault.kind} is played by FakeHandler`);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/** Answers one request at a time: logs it, plays a fault if one is due, else serves it. */
export class FakeHandler {
  readonly requests: LoggedRequest[] = [];
  maxInFlight = 0;
  #inFlight = 0;
  readonly #desk: TokenDesk;
  readonly #faults: FaultPlan;
  readonly #route: RouteState;
  readonly #options: HandlerOptions;

  constructor(desk: TokenDesk, faults: FaultPlan, route: RouteState, options: HandlerOptions) {
    this.#desk = desk;
    this.#faults = faults;
    this.#route = route;
    this.#options = options;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: LoggedRequest = {
      seq: this.requests.length + 1,
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      api: url.pathname.startsWith('/v1/'),
      outcome: 'pending',
      fault: undefined,
      bodyBytes: 0,
    };
    this.requests.push(entry);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.#inFlight);
    res.once('close', () => {
      this.#inFlight--;
      if (!res.writableFinished && typeof entry.outcome === 'number') entry.outcome = 'abandoned';
    });
    if (this.#options.latencyMs) await delay(this.#options.latencyMs);
    const fault = this.#faults.pick(entry.path);
    entry.fault = fault?.kind;
    if (fault?.kind === 'huge-body') {
      entry.outcome = 200;
      return streamHugeBody(res, fault.bytes, entry);
    }
    const answer =
      fault?.kind === 'inflate-total'
        ? await this.#inflated(req, url, entry, fault.total)
        : undefined;
    entry.outcome = answer
      ? send(res, answer)
      : fault
        ? playFault(fault, req, res, this.#desk)
        : send(res, await this.#answer(req, url, entry.api));
  }

  async #inflated(
    req: IncomingMessage,
    url: URL,
    entry: LoggedRequest,
    total: number,
  ): Promise<Answer> {
    const answer = await this.#answer(req, url, entry.api);
    if (answer.status !== 200) return answer;
    return { status: 200, body: JSON.stringify(inflateTotals(JSON.parse(answer.body), total)) };
  }

  async #answer(req: IncomingMessage, url: URL, api: boolean): Promise<Answer> {
    const body = req.method === 'GET' ? '' : await readBody(req);
    const account = this.#options.account;
    if (account && url.pathname === '/authorize' && req.method === 'GET')
      return account.authorize(url);
    if (url.pathname === '/api/token' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (account && form.get('grant_type') !== 'client_credentials') return account.token(form);
      return this.#desk.issue(req.headers.authorization, body);
    }
    if (!api) return { status: 404, body: spotifyError(404, 'Not found') };
    if (this.#options.ownerHasPremium === false)
      return { status: 403, body: spotifyError(403, premiumMessage) };
    if (account?.isUserToken(req.headers.authorization)) {
      const answer = account.route(
        this.#route.data,
        this.#route.apiUrl,
        req.method ?? 'GET',
        url,
        body,
      );
      return answer ?? routeApi(this.#route, url);
    }
    if (!this.#desk.accepts(req.headers.authorization))
      return { status: 401, body: spotifyError(401, 'Missing/invalid/expired access token') };
    return routeApi(this.#route, url);
  }
}
