import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EarshotApi } from '../../main/core/contract/index.ts';
import {
  createHttpApi,
  getApi,
  getDesktopApi,
  type ApiHost,
  type EventStream,
} from '../../renderer/src/lib/api.ts';
import { FakeDesktop } from './fake-desktop-api.ts';
import { FakeEarshot, makeTrack } from './fake-earshot-api.ts';

interface SeenRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly token: string | string[] | undefined;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

type Reply = { status: number; body: string };

/** A real HTTP server on 127.0.0.1 answering every request with `reply` and recording it. */
async function startServer(reply: (request: SeenRequest) => Reply) {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const entry: SeenRequest = {
        method: request.method,
        url: request.url,
        token: request.headers['x-earshot-token'],
        contentType: request.headers['content-type'],
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      seen.push(entry);
      const { status, body } = reply(entry);
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { seen, server, baseUrl: `http://127.0.0.1:${port}` };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => server.close(() => resolve()));
const ok = (value: unknown): Reply => ({ status: 200, body: JSON.stringify({ ok: true, value }) });

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeServer(server)));
});

describe('HTTP transport', () => {
  it('posts each method to /api/<method> with the token and passes the Result through', async () => {
    const tracks = [makeTrack(1), makeTrack(2)];
    const { seen, baseUrl } = await startServer(() => ok(tracks));
    const api = createHttpApi({ token: 'launch-token', baseUrl });

    const result = await api.songsToRate({ count: 2, exclude: [9] });

    expect(result).toEqual({ ok: true, value: tracks });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/songsToRate',
        token: 'launch-token',
        contentType: 'application/json',
        body: { count: 2, exclude: [9] },
      },
    ]);
  });

  it('sends {} for methods that take no request', async () => {
    const { seen, baseUrl } = await startServer(() => ok({ removed: 3 }));
    const api = createHttpApi({ token: 't', baseUrl });
    expect(await api.startOver()).toEqual({ ok: true, value: { removed: 3 } });
    expect(seen[0]).toMatchObject({ url: '/api/startOver', body: {} });
  });

  it('passes an error Result through unchanged, including a 401 refusal', async () => {
    const refused = { ok: false, error: { code: 'unauthorized', message: 'Bad token.' } };
    const { baseUrl } = await startServer(() => ({ status: 401, body: JSON.stringify(refused) }));
    const api = createHttpApi({ token: 'wrong', baseUrl });
    expect(await api.getState()).toEqual(refused);
  });

  it('turns an answer that is not a Result into an internal error', async () => {
    const { baseUrl } = await startServer(() => ({
      status: 502,
      body: '<html>Bad gateway</html>',
    }));
    const api = createHttpApi({ token: 't', baseUrl });
    const result = await api.recommend({});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).toMatch(/502/);
  });

  it('rejects an error code that is not in the contract', async () => {
    const odd = { ok: false, error: { code: 'teapot', message: 'I am a teapot.' } };
    const { baseUrl } = await startServer(() => ({ status: 200, body: JSON.stringify(odd) }));
    const result = await createHttpApi({ token: 't', baseUrl }).getState();
    expect(!result.ok && result.error.code).toBe('internal');
  });

  it('resolves to an internal error, never a throw, when the server is gone', async () => {
    const { server, baseUrl } = await startServer(() => ok(null));
    servers.splice(servers.indexOf(server), 1);
    await closeServer(server);

    const result = await createHttpApi({ token: 't', baseUrl }).skipSong({
      trackId: 1,
      exclude: [],
    });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).toMatch(/not reachable/);
  });
});

describe('HTTP transport: push events', () => {
  class FakeStream implements EventStream {
    readonly listeners = new Map<string, Set<(event: { data: string }) => void>>();
    isClosed = false;
    addEventListener(type: string, listener: (event: { data: string }) => void): void {
      this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
    }
    removeEventListener(type: string, listener: (event: { data: string }) => void): void {
      this.listeners.get(type)?.delete(listener);
    }
    close(): void {
      this.isClosed = true;
    }
    send(type: string, data: string): void {
      for (const listener of this.listeners.get(type) ?? []) listener({ data });
    }
  }

  it('opens one stream with the token and delivers parsed payloads by event name', () => {
    const opened: string[] = [];
    const stream = new FakeStream();
    const api = createHttpApi({
      token: 'a b',
      baseUrl: 'http://127.0.0.1:1',
      openEvents: (url) => {
        opened.push(url);
        return stream;
      },
    });
    const progress: unknown[] = [];
    const ready: unknown[] = [];
    const stopProgress = api.on('training:progress', (payload) => progress.push(payload));
    const stopReady = api.on('model:ready', (payload) => ready.push(payload));

    stream.send(
      'training:progress',
      '{"status":"training","epoch":1,"epochs":20,"trainRmse":null}',
    );
    stream.send('training:progress', 'not json');

    expect(opened).toEqual(['http://127.0.0.1:1/api/events?token=a%20b']);
    expect(progress).toEqual([{ status: 'training', epoch: 1, epochs: 20, trainRmse: null }]);
    expect(ready).toEqual([]);

    stopProgress();
    expect(stream.isClosed).toBe(false);
    stopReady();
    expect(stream.isClosed).toBe(true);
  });
});

describe('getApi', () => {
  const page = (token: string | null) => ({
    querySelector: (selector: string) =>
      selector === 'meta[name="earshot-token"]' && token !== null
        ? { getAttribute: (name: string) => (name === 'content' ? token : null) }
        : null,
  });

  it('uses the desktop bridge when the preload provides one', () => {
    const bridge: EarshotApi = new FakeEarshot().api;
    const host: ApiHost = { earshot: bridge, document: page(null), fetch };
    expect(getApi(host)).toBe(bridge);
  });

  it('talks HTTP with the token from the page otherwise', async () => {
    const { seen, baseUrl } = await startServer(() => ok({ removed: 0 }));
    const host: ApiHost = {
      document: page('from-meta'),
      // The app passes same-origin paths; here the origin is the test server's.
      fetch: (path, init) => fetch(typeof path === 'string' ? `${baseUrl}${path}` : path, init),
    };
    await getApi(host).startOver();
    expect(seen[0]).toMatchObject({ url: '/api/startOver', token: 'from-meta' });
  });

  it('explains, rather than calls, when the page carries no token', async () => {
    const host: ApiHost = { document: page(null), fetch };
    const result = await getApi(host).getState();
    expect(!result.ok && result.error.code).toBe('unauthorized');
  });
});

describe('getDesktopApi', () => {
  it("is the preload's bridge when it has every desktop method", () => {
    const bridge = new FakeDesktop(new FakeEarshot()).bridge();
    expect(getDesktopApi({ earshot: bridge })).toBe(bridge);
  });

  it('is null in the browser, and for a bridge without the desktop methods', () => {
    expect(getDesktopApi({})).toBeNull();
    const earshot = new FakeEarshot();
    expect(getDesktopApi({ earshot: earshot.api })).toBeNull();
    const partly = { ...new FakeDesktop(earshot).bridge(), refreshData: undefined };
    expect(getDesktopApi({ earshot: partly })).toBeNull();
  });
});
