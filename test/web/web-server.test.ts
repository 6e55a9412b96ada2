import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../main/core/app/app-service.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { startWebServer } from '../../main/web/web-server.ts';
import type { WebServer } from '../../main/web/web-server.ts';
import { desktopChannels } from '../../main/core/contract/index.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { buildTrainedDatabase, copyDatabase } from '../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let models: ModelManager;
let events: EventHub;
let server: WebServer;

beforeAll(async () => {
  trained = await buildTrainedDatabase(200);
});
afterAll(() => trained.remove());

beforeEach(async () => {
  store = openStore(copyDatabase(trained.path));
  events = new EventHub();
  models = new ModelManager({ store, events, retrainDelayMs: 60_000 });
  models.start();
  const staticDir = makeTempDir();
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>E</title></head><body></body></html>',
  );
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  server = await startWebServer({
    service: createAppService({ store, models, events }),
    staticDir,
    token: 'secret-token',
  });
});
afterEach(async () => {
  await server.close();
  models.close();
  store.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send any Host header they like. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, token = 'secret-token'): Promise<Reply> =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'x-earshot-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('earshot serve (HTTP)', () => {
  it('listens on 127.0.0.1 only and serves the page with the token and a strict CSP', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="earshot-token" content="secret-token">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/app.js')).headers['content-type']).toContain('text/javascript');
  });

  it('rejects other Host headers (DNS rebinding) and API calls without the token', async () => {
    expect((await send('/', { headers: { host: 'evil.example:80' } })).status).toBe(403);
    const noToken = await api('getState', {}, 'wrong-token');
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await send('/..%2f..%2fetc%2fpasswd')).body).not.toContain('root:');
    expect((await send('/../package.json')).body).not.toContain('"name"');
  });

  it('answers API calls with the contract Result, including validation errors as data', async () => {
    const songs = JSON.parse((await api('songsToRate', { count: 3 })).body) as {
      ok: boolean;
      value: unknown[];
    };
    expect(songs.ok).toBe(true);
    expect(songs.value).toHaveLength(3);
    const bad = await api('submitRatings', { ratings: 'all five stars' });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const notJson = await send('/api/getState', {
      method: 'POST',
      headers: { 'x-earshot-token': 'secret-token' },
      body: '{nope',
    });
    expect(JSON.parse(notJson.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect((await api('dropTables', {})).status).toBe(404);
  });

  it('serves none of the desktop-only methods: no settings or credentials over HTTP', async () => {
    for (const method of Object.keys(desktopChannels)) {
      const reply = await api(method, {});
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('streams push events to the page over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events?token=secret-token',
          headers: { host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected'))
              events.emit('training:progress', {
                status: 'training',
                epoch: 3,
                epochs: 20,
                trainRmse: 0.9,
              });
            if (text.includes('event: training:progress')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await received).toContain(
      'data: {"status":"training","epoch":3,"epochs":20,"trainRmse":0.9}',
    );
  });
});
