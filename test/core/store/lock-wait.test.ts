import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import type { AppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../../main/core/catalog/embedded-catalog.ts';
import { runPipeline } from '../../../main/core/pipeline.ts';
import { interactiveBusyTimeoutMs } from '../../../main/core/store/busy.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { helperPath, startChild } from '../../helpers/child-process.ts';
import type { Child } from '../../helpers/child-process.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

let path: string;
let store: Store;
let models: ModelManager;
let holder: Child | undefined;

beforeEach(() => {
  path = tempDbPath();
  store = openStore(path);
  loadEmbeddedCatalog(store);
  store.setBusyTimeout(interactiveBusyTimeoutMs);
  models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
});
afterEach(() => {
  holder?.process.kill('SIGKILL');
  holder = undefined;
  models.close();
  store.close();
});

/** Another process takes the write lock on the database and keeps it until released. */
async function holdLock(): Promise<Child> {
  holder = startChild(helperPath('lock-holder.ts'), [path]);
  await holder.waitFor('locked');
  return holder;
}

async function release(child: Child): Promise<void> {
  child.process.stdin.write('go\n');
  await child.waitFor('released');
}

/** The local listener's ratings, read without writing (ensuring the user would need the lock). */
const myRatings = (): unknown =>
  store.db
    .prepare(
      "SELECT count(*) FROM ratings JOIN users ON users.id = ratings.user_id WHERE users.kind = 'local'",
    )
    .pluck()
    .get();

function rateFirstTrack(service: AppService) {
  const trackId = store.tracks.list()[0]?.id ?? 0;
  return service.handle('submitRatings', { ratings: [{ trackId, stars: 5 }] });
}

describe('a rating submitted while another process holds the write lock', () => {
  it('is saved once the lock is released, and the service answers other calls meanwhile', async () => {
    const service = createAppService({ store, models });
    const child = await holdLock();
    let settled = false;
    const submitted = rateFirstTrack(service).finally(() => (settled = true));
    // The wait is asynchronous: the same service (the same event loop) still answers.
    const state = await service.handle('getState', undefined);
    expect(state.ok).toBe(true);
    expect(settled).toBe(false);
    expect(myRatings()).toBe(0);
    await release(child);
    expect(await submitted).toEqual({ ok: true, value: { saved: 1, listenerRatings: 1 } });
    expect(myRatings()).toBe(1);
    const check = new Sqlite(path, { readonly: true });
    expect(check.prepare("SELECT value FROM settings WHERE key = 'holder'").pluck().get()).toBe(
      '1',
    );
    check.close();
  });

  it('answers busy, having saved nothing, when the lock outlasts the wait it was given', async () => {
    const service = createAppService({ store, models, busyTimeoutMs: 300 });
    const child = await holdLock();
    const result = await rateFirstTrack(service);
    expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
    await release(child);
    expect(myRatings()).toBe(0);
    expect(await rateFirstTrack(service)).toMatchObject({ ok: true });
  });
});

describe('Refresh data (the pipeline) in a window while another process writes', () => {
  it('waits for the lock on timers and then does its work', async () => {
    const service = createAppService({ store, models });
    const child = await holdLock();
    let settled = false;
    const refreshed = runPipeline(store, { listeners: 20, seed: 3, ratingsMode: 'taste' }).finally(
      () => (settled = true),
    );
    // The event loop is free while it waits: the service still answers.
    expect((await service.handle('getState', undefined)).ok).toBe(true);
    expect(settled).toBe(false);
    await release(child);
    const summary = await refreshed;
    expect(summary.ratings.ratingsWritten).toBeGreaterThan(0);
  });
});
