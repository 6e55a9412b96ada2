import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootstrapStore } from '../../main/core/app/bootstrap.ts';
import { EventHub } from '../../main/core/app/event-hub.ts';
import { ModelManager } from '../../main/core/app/model-manager.ts';
import { appModelOptions } from '../../main/core/app/model-settings.ts';
import { defaultCatalogPath } from '../../main/core/catalog/embedded-catalog.ts';
import type { PipelineProgress } from '../../main/core/pipeline.ts';
import type { SvdOptions } from '../../main/core/recommender/algorithms/svd-options.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import type { CredentialsRead } from '../../main/desktop/credentials.ts';
import { CredentialVault } from '../../main/desktop/credentials.ts';
import { createRefresh } from '../../main/desktop/refresh.ts';
import type { CrawlStep, RefreshDeps } from '../../main/desktop/refresh.ts';
import { createSettingsService } from '../../main/desktop/settings.ts';
import { createSpotifyCrawl } from '../../main/desktop/spotify-crawl.ts';
import type { EarshotEvents } from '../../main/core/contract/index.ts';
import { startFakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { syntheticCatalog } from '../helpers/synthetic-catalog.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A first-run database (catalog and simulated listeners, no model yet), built once. */
let seedDir: string;
beforeAll(() => {
  seedDir = mkdtempSync(join(tmpdir(), 'earshot-refresh-'));
  const store = openStore(join(seedDir, 'earshot.db'));
  bootstrapStore(store);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return () => rmSync(seedDir, { recursive: true, force: true });
});

const credentials = { clientId: 'id', clientSecret: 'secret' };

describe('Refresh data', () => {
  let store: Store;
  let events: EventHub;
  let models: ModelManager;
  let progress: PipelineProgress[];
  let ready: EarshotEvents['model:ready'][];
  let catalogChanged: ReturnType<typeof vi.fn<() => void>>;

  const refreshWith = (
    options: {
      crawl?: CrawlStep;
      spotify?: CredentialsRead;
      sources?: string[];
      model?: SvdOptions;
    } = {},
  ) => {
    const deps: RefreshDeps = {
      store,
      models,
      events,
      service: { catalogChanged },
      settings: {
        spotifySources: () => options.sources ?? [],
        spotifyCredentials: () => Promise.resolve(options.spotify ?? { status: 'none' }),
        modelOptions: () => options.model ?? appModelOptions,
      },
      catalogPath: defaultCatalogPath,
      ...(options.crawl ? { crawl: options.crawl } : {}),
    };
    return createRefresh(deps);
  };

  beforeEach(() => {
    const path = join(makeTempDir(), 'earshot.db');
    copyFileSync(join(seedDir, 'earshot.db'), path);
    store = openStore(path);
    events = new EventHub();
    models = new ModelManager({ store, events });
    progress = [];
    ready = [];
    catalogChanged = vi.fn<() => void>();
    events.subscribe((event, payload) => {
      if (event === 'pipeline:progress') progress.push(payload as PipelineProgress);
      if (event === 'model:ready') ready.push(payload as EarshotEvents['model:ready']);
    });
  });

  afterEach(() => {
    models.close();
    store.close();
  });

  it('runs catalog, ratings and training with progress pushed all the way, and the app model takes the result', async () => {
    const result = await refreshWith().run();
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatchObject({ crawl: 'skipped', training: 'trained' });
    const steps = progress.map((p) => `${p.step}:${p.status}`);
    expect(steps.slice(0, 5)).toEqual([
      'catalog:started',
      'catalog:done',
      'crawl:skipped',
      'ratings:started',
      'ratings:done',
    ]);
    expect(steps).toContain('training:started');
    expect(steps.at(-1)).toBe('training:done');
    const epochs = progress.filter((p) => p.status === 'progress');
    expect(epochs.length).toBeGreaterThan(10);
    // One bar over the run: calibration and SVD epochs, then the ranking model's steps.
    const last = epochs.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(2 * (appModelOptions.epochs ?? 0));
    expect(models.info()?.ratings).toBe(store.ratings.count());
    expect(ready).toHaveLength(1);
    expect(catalogChanged).toHaveBeenCalled();
  });

  it('skips training when the model already saw exactly these ratings', async () => {
    await refreshWith().run();
    const again = await refreshWith().run();
    expect(again.ok && again.value.training).toBe('up-to-date');
  });

  it('runs one refresh at a time: a second is told busy', async () => {
    const refresh = refreshWith();
    const first = refresh.run();
    expect(refresh.isRunning()).toBe(true);
    const second = await refresh.run();
    expect(!second.ok && second.error.code).toBe('busy');
    expect((await first).ok).toBe(true);
    expect(refresh.isRunning()).toBe(false);
  });

  it('cancels during training: cancelled, and no new model anywhere', async () => {
    const refresh = refreshWith({ model: { ...appModelOptions, epochs: 2000, factors: 100 } });
    const states: boolean[] = [];
    refresh.onRunningChange((isRunning) => states.push(isRunning));
    events.subscribe((event, payload) => {
      if (event === 'pipeline:progress' && 'done' in payload && payload.done === 1)
        refresh.cancel();
    });
    const result = await refresh.run();
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(store.models.latestInfo()).toBeUndefined();
    expect(models.info()).toBeNull();
    expect(states).toEqual([true, false]);
    expect(refresh.cancel()).toEqual({ cancelled: false });
  });

  it('crawls Spotify when set up, with the decrypted credentials and the sources', async () => {
    const crawl = vi.fn<CrawlStep>((crawlStore, _job, report) => {
      report({ step: 'crawl', status: 'started', message: 'Crawling' });
      report({ step: 'crawl', status: 'progress', message: 'album', done: 1, total: 1 });
      report({ step: 'crawl', status: 'done', message: 'Crawled' });
      crawlStore.tracks.upsertMany(syntheticCatalog(30));
      return Promise.resolve();
    });
    const before = store.tracks.count();
    const result = await refreshWith({
      crawl,
      spotify: { status: 'ok', credentials },
      sources: ['search:genre:jazz'],
    }).run();
    expect(result.ok && result.value.crawl).toBe('done');
    expect(crawl).toHaveBeenCalledWith(
      store,
      { credentials, sources: ['search:genre:jazz'] },
      expect.any(Function),
      expect.any(AbortSignal),
    );
    expect(store.tracks.count()).toBe(before + 30);
    // The same simulated listeners rate the new songs.
    expect(result.ok && result.value.ratingsWritten).toBeGreaterThan(0);
  });

  it.each([
    [
      'no credentials',
      { spotify: { status: 'none' } as const, sources: ['search:x'] },
      /not set up/,
    ],
    [
      'unreadable credentials',
      {
        spotify: { status: 'unreadable', message: 'enter them again' } as const,
        sources: ['search:x'],
      },
      /enter them again/,
    ],
    [
      'no sources',
      { spotify: { status: 'ok', credentials } as const, sources: [] },
      /No Spotify sources/,
    ],
    [
      'no crawler',
      { spotify: { status: 'ok', credentials } as const, sources: ['search:x'], crawl: undefined },
      /not available/,
    ],
  ])('skips the crawl with %s and says why', async (_name, options, why) => {
    const crawl = vi.fn<CrawlStep>(() => Promise.resolve());
    const withCrawl = 'crawl' in options ? options : { ...options, crawl };
    const result = await refreshWith(withCrawl).run();
    expect(result.ok && result.value.crawl).toBe('skipped');
    expect(progress.find((p) => p.step === 'crawl')?.message).toMatch(why);
    expect(crawl).not.toHaveBeenCalled();
  });

  it('leaves the previous model in place when a step fails', async () => {
    await refreshWith().run();
    const model = store.models.latestInfo();
    const result = await refreshWith({
      spotify: { status: 'ok', credentials },
      sources: ['search:x'],
      crawl: () => Promise.reject(new Error('disk on fire')),
    }).run();
    expect(!result.ok && result.error.code).toBe('internal');
    expect(store.models.latestInfo()).toEqual(model);
    expect(models.info()).not.toBeNull();
  });
});

describe('Refresh data with Spotify', () => {
  it('crawls the saved sources from a (fake) Spotify with the saved credentials, then rates and retrains', async () => {
    const fake = await startFakeSpotify({
      data: { artists: 1, albumsPerArtist: 1, tracksPerAlbum: 12 },
    });
    const path = join(makeTempDir(), 'earshot.db');
    copyFileSync(join(seedDir, 'earshot.db'), path);
    const store = openStore(path);
    const events = new EventHub();
    const models = new ModelManager({ store, events });
    const progress: PipelineProgress[] = [];
    events.subscribe((event, payload) => {
      if (event === 'pipeline:progress') progress.push(payload as PipelineProgress);
    });
    try {
      const secrets = {
        isAsyncEncryptionAvailable: () => Promise.resolve(true),
        encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text).reverse()),
        decryptStringAsync: (data: Buffer) =>
          Promise.resolve({
            result: Buffer.from(data).reverse().toString(),
            shouldReEncrypt: false,
          }),
      };
      const settings = createSettingsService({
        store,
        vault: new CredentialVault(store.settings, secrets),
      });
      await settings.handle('setSpotifyCredentials', {
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
      });
      await settings.handle('setSpotifySources', {
        sources: [`spotify:album:${fake.data.albums[0].id}`],
      });
      const before = store.tracks.count();
      const refresh = createRefresh({
        store,
        models,
        events,
        service: { catalogChanged: () => undefined },
        settings,
        catalogPath: defaultCatalogPath,
        crawl: createSpotifyCrawl({ apiUrl: fake.apiUrl, accountsUrl: fake.accountsUrl }),
      });
      const result = await refresh.run();
      expect(result.ok && result.value).toMatchObject({ crawl: 'done', training: 'trained' });
      expect(store.tracks.count()).toBe(before + 12);
      expect(progress.filter((p) => p.step === 'crawl').map((p) => p.status)).toContain('done');
      expect(result.ok && result.value.ratingsWritten).toBeGreaterThan(0);
    } finally {
      models.close();
      store.close();
      await fake.close();
    }
  });
});
