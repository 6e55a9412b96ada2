import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../main/core/app/app-service.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { rendererOutDir, stampFile } from '../../main/web/renderer-build.ts';
import { startWebServer } from '../../main/web/web-server.ts';
import type { WebServer } from '../../main/web/web-server.ts';
import { makeTempDir, tempDbPath } from '../helpers/temp-dir.ts';
import { sendRaw } from './raw-http.ts';

let store: Store;
let models: ModelManager;
let server: WebServer;
let staticDir: string;

beforeEach(async () => {
  store = openStore(tempDbPath());
  const events = new EventHub();
  models = new ModelManager({ store, events, retrainOnChange: false });
  staticDir = makeTempDir();
  writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body>page</body></html>');
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

const host = (): string => `Host: 127.0.0.1:${server.port}`;

describe('earshot serve against hostile requests', () => {
  it('answers a request line no URL parser accepts with 400 and keeps serving', async () => {
    // What `curl -g --path-as-is 'http://127.0.0.1:PORT//['` sends; an <img> on any page can too.
    const reply = await sendRaw(server.port, `GET //[ HTTP/1.1\r\n${host()}`);
    expect(reply.status).toBe(400);
    expect((await sendRaw(server.port, `GET / HTTP/1.1\r\n${host()}`)).status).toBe(200);
  });

  it('checks the Host header before it looks at the request target at all', async () => {
    const reply = await sendRaw(server.port, 'GET //[ HTTP/1.1\r\nHost: evil.example');
    expect(reply.status).toBe(403);
    const missing = await sendRaw(server.port, 'GET / HTTP/1.0');
    expect(missing.status).toBe(403);
    expect((await sendRaw(server.port, `GET / HTTP/1.1\r\n${host()}`)).status).toBe(200);
  });

  it('answers a burst of malformed targets without a server error, and keeps serving', async () => {
    const rejected = ['//[', '//', 'http://[::1', '*', '/\u0000'];
    for (const target of rejected) {
      const reply = await sendRaw(server.port, `GET ${target} HTTP/1.1\r\n${host()}`);
      expect(reply.status, target).toBe(400);
    }
    // Odd but parseable paths get the page (its router decides) or a 404: never a 5xx.
    for (const target of ['/%', '/%E0%A4%A', '/api/%zz', '/a/../../..']) {
      const reply = await sendRaw(server.port, `GET ${target} HTTP/1.1\r\n${host()}`);
      expect(reply.status, target).toBeGreaterThanOrEqual(200);
      expect(reply.status, target).toBeLessThan(500);
    }
    expect((await sendRaw(server.port, `GET / HTTP/1.1\r\n${host()}`)).status).toBe(200);
  });

  it('never serves dot-files such as the build stamp, with or without the token', async () => {
    writeFileSync(join(staticDir, '.source-stamp'), 'renderer/src/main.ts:120:1700000000000');
    expect((await sendRaw(server.port, `GET /.source-stamp HTTP/1.1\r\n${host()}`)).status).toBe(
      404,
    );
    for (const path of ['/.source-stamp', '/%2esource-stamp', '/x/../.source-stamp']) {
      const reply = await sendRaw(
        server.port,
        `GET ${path} HTTP/1.1\r\n${host()}\r\nX-Earshot-Token: secret-token`,
      );
      expect(reply.text, path).not.toContain('main.ts');
    }
  });

  it('keeps the build stamp out of the folder it serves', () => {
    expect(relative(rendererOutDir, stampFile).startsWith('..')).toBe(true);
  });
});
