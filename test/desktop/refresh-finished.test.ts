/**
 * How a Refresh data ends reaches whoever listens (the window, as `pipeline:finished`): its
 * summary, its cancellation or its error, once per run that started, whoever started it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapStore } from '../../main/core/app/bootstrap.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { appModelOptions } from '../../main/core/app/model-settings.ts';
import { defaultCatalogPath } from '../../main/core/catalog/embedded-catalog.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { createRefresh } from '../../main/desktop/refresh.ts';
import type { CrawlStep, Refresh } from '../../main/desktop/refresh.ts';
import type { RefreshSummary, Result } from '../../main/core/contract/index.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let seedDir: string;
beforeAll(() => {
  seedDir = mkdtempSync(join(tmpdir(), 'earshot-finished-'));
  const store = openStore(join(seedDir, 'earshot.db'));
  bootstrapStore(store);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return () => rmSync(seedDir, { recursive: true, force: true });
});

describe('Refresh data: pipeline:finished', () => {
  let store: Store;
  let models: ModelManager;
  let finished: Result<RefreshSummary>[];

  /** A refresh with Spotify set up, crawling with `crawl`, training a small model quickly. */
  const refreshWith = (crawl?: CrawlStep): Refresh => {
    const refresh = createRefresh({
      store,
      models,
      events: new EventHub(),
      service: { catalogChanged: () => undefined },
      settings: {
        spotifySources: () => ['search:genre:jazz'],
        spotifyCredentials: () =>
          Promise.resolve({ status: 'ok', credentials: { clientId: 'id', clientSecret: 's' } }),
        modelOptions: () => ({ ...appModelOptions, factors: 4, epochs: 3 }),
      },
      catalogPath: defaultCatalogPath,
      ...(crawl ? { crawl } : {}),
    });
    refresh.onFinished((result) => finished.push(result));
    return refresh;
  };

  beforeEach(() => {
    const path = join(makeTempDir(), 'earshot.db');
    copyFileSync(join(seedDir, 'earshot.db'), path);
    store = openStore(path);
    models = new ModelManager({ store, events: new EventHub() });
    finished = [];
  });

  afterEach(() => {
    models.close();
    store.close();
  });

  it('carries the summary of a refresh that succeeded, the same one run() answers', async () => {
    const result = await refreshWith().run();
    expect(result.ok && result.value.training).toBe('trained');
    expect(finished).toEqual([result]);
  });

  it('says cancelled when the refresh was cancelled mid-crawl', async () => {
    const refresh: Refresh = refreshWith(
      (_store, _job, _report, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason as Error));
          refresh.cancel();
        }),
    );
    const result = await refresh.run();
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(finished).toEqual([result]);
  });

  it('carries the error of a refresh that failed', async () => {
    const result = await refreshWith(() => Promise.reject(new Error('disk on fire'))).run();
    expect(!result.ok && result.error.code).toBe('internal');
    expect(finished).toEqual([result]);
  });

  it('is not sent for a run refused as busy: the running one has not finished', async () => {
    let release = (): void => undefined;
    let started = (): void => undefined;
    const crawling = new Promise<void>((resolve) => (started = resolve));
    const refresh = refreshWith(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    );
    const first = refresh.run();
    const second = await refresh.run();
    expect(!second.ok && second.error.code).toBe('busy');
    await crawling; // the first run is inside its crawl step, not finished
    expect(finished).toEqual([]);
    release();
    expect((await first).ok).toBe(true);
    expect(finished).toHaveLength(1);
  });
});
