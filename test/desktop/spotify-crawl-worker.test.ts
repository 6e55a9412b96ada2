import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelineProgress } from '../../main/core/pipeline.ts';
import { openStore } from '../../main/core/store/store.ts';
import type { Store } from '../../main/core/store/store.ts';
import { createSpotifyCrawl } from '../../main/desktop/spotify-crawl.ts';
import { startFakeSpotify } from '../fake-spotify/fake-spotify.ts';
import type { FakeSpotify } from '../fake-spotify/fake-spotify.ts';
import { makeTempDir, tempDbPath } from '../helpers/temp-dir.ts';

// Records every worker thread the code under test starts, and lets it start for real.
const started = vi.hoisted(() => ({ urls: [] as string[], threadIds: [] as number[] }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof WorkerThreads>();
  class RecordedWorker extends real.Worker {
    constructor(url: string | URL, options?: WorkerThreads.WorkerOptions) {
      super(url, options);
      started.urls.push(String(url));
      started.threadIds.push(this.threadId);
    }
  }
  return { ...real, Worker: RecordedWorker };
});

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
  started.urls.length = 0;
  started.threadIds.length = 0;
});

async function setUp(options: Parameters<typeof startFakeSpotify>[0]) {
  const fake: FakeSpotify = await startFakeSpotify(options);
  open.push(fake);
  const store: Store = openStore(tempDbPath());
  open.push(store);
  const progress: PipelineProgress[] = [];
  const crawl = createSpotifyCrawl({ apiUrl: fake.apiUrl, accountsUrl: fake.accountsUrl });
  const job = {
    credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
    sources: fake.data.albums.map((album) => `spotify:album:${album.id}`),
  };
  return { fake, store, progress, crawl, job, report: (p: PipelineProgress) => progress.push(p) };
}

describe("Refresh data's Spotify crawl", () => {
  it('runs in a worker thread with its own connection, reporting progress to the main one', async () => {
    const { store, progress, crawl, job, report } = await setUp({
      data: { artists: 1, albumsPerArtist: 2, tracksPerAlbum: 7 },
    });
    await crawl(store, job, report, new AbortController().signal);
    expect(started.urls).toHaveLength(1);
    expect(started.urls[0]).toMatch(/\/main\/core\/spotify\/crawl-worker\.ts$/);
    expect(started.threadIds[0]).toBeGreaterThan(0);
    expect(store.tracks.count('spotify')).toBe(14);
    expect(progress.map((p) => p.status)).toEqual(
      expect.arrayContaining(['started', 'progress', 'done']),
    );
  });

  it('stops when cancelled, keeping what it had fetched', async () => {
    const { fake, store, progress, crawl, job, report } = await setUp({
      data: { artists: 1, albumsPerArtist: 30, tracksPerAlbum: 2 },
      latencyMs: 20,
    });
    const controller = new AbortController();
    const cancelOnFirstPage = (p: PipelineProgress): void => {
      report(p);
      if (p.status === 'progress' && (p.done ?? 0) >= 2) controller.abort();
    };
    await crawl(store, job, cancelOnFirstPage, controller.signal);
    expect(fake.apiRequests().length).toBeLessThan(30);
    expect(progress.at(-1)?.message).toMatch(/cancelled/i);
    const kept = store.db.prepare('SELECT count(*) FROM spotify_raw_tracks').pluck().get();
    expect(kept).toBeGreaterThan(0);
  });

  it('fails with a message when the worker cannot do its work, and this thread goes on', async () => {
    const { crawl, job, report } = await setUp({ data: { artists: 1, albumsPerArtist: 1 } });
    // The window's own store is fine (the step reads the history's unmatched recordings from
    // it); the file the worker opens has since been replaced by something else.
    const store = openStore(join(makeTempDir(), 'notes.db'));
    open.push(store);
    const other = `${store.path}.other`;
    writeFileSync(other, 'shopping list\n'.repeat(20));
    renameSync(other, store.path);
    await expect(crawl(store, job, report, new AbortController().signal)).rejects.toThrow(
      /^The Spotify crawl failed: .*notes\.db is not an Earshot database/,
    );
    expect(store.signals.unmatched()).toEqual([]);
  });
});
