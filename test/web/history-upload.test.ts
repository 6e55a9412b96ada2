import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../main/core/app/app-service.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../main/core/catalog/embedded-catalog.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { localListenerId } from '../../main/core/store/user-repository.ts';
import { startWebServer } from '../../main/web/web-server.ts';
import type { WebServer } from '../../main/web/web-server.ts';
import { scrobbleLine } from '../helpers/history-fixtures.ts';
import { makeTempDir, tempDbPath } from '../helpers/temp-dir.ts';

let store: Store;
let models: ModelManager;
let server: WebServer;

beforeEach(async () => {
  store = openStore(tempDbPath());
  loadEmbeddedCatalog(store);
  models = new ModelManager({ store, events: new EventHub(), retrainDelayMs: 60_000 });
  server = await startWebServer({
    service: createAppService({ store, models }),
    staticDir: makeTempDir(),
    token: 'secret-token',
  });
});
afterEach(async () => {
  await server.close();
  models.close();
  store.close();
});

function post(method: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${server.port}`,
          'x-earshot-token': 'secret-token',
          'content-type': 'application/json',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Two thousand scrobbles of one song a day apart: about 100 KB, past the usual 64 KiB cap. */
function bigScrobbleFile(): string {
  return Array.from({ length: 2000 }, (_, i) =>
    scrobbleLine({
      title: 'Bohemian Rhapsody',
      artist: 'Queen',
      album: 'A Night at the Opera',
      at: 1_600_000_000 + i * 86_400,
    }),
  ).join('\n');
}

describe('importHistory over HTTP', () => {
  it('takes an upload larger than other requests may be, and imports it', async () => {
    const text = bigScrobbleFile();
    expect(text.length).toBeGreaterThan(64 * 1024);
    const reply = await post('importHistory', { files: [{ name: 'scrobbles.csv', text }] });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as {
      ok: boolean;
      value: { plays: number; tracks: number };
    };
    expect(result).toMatchObject({ ok: true, value: { plays: 2000, tracks: 1 } });
    expect(store.signals.forUser(store.users.ensure('local', localListenerId))).toHaveLength(1);
  });

  it('still refuses a large body for any other method', async () => {
    const reply = await post('setPreferences', { padding: 'x'.repeat(70 * 1024) });
    expect(reply.status).toBe(413);
  });

  it('answers a bad file with invalid-request naming the file and line, importing nothing', async () => {
    const reply = await post('importHistory', {
      files: [
        {
          name: 'scrobbles.csv',
          text: 'Queen,,Bohemian Rhapsody,01 Jan 2024 10:00\nQueen,,Innuendo,soon\n',
        },
      ],
    });
    const result = JSON.parse(reply.body) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toContain('scrobbles.csv:2: time "soon"');
    expect(store.signals.unmatched()).toEqual([]);
  });
});
