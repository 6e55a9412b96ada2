import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { loadEmbeddedCatalog } from '../../../main/core/catalog/embedded-catalog.ts';
import { applySimulation } from '../../../main/core/ratings/simulation.ts';
import { trainInWorker } from '../../../main/core/recommender/training/train-in-worker.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import type { EarshotEvents } from '../../../main/core/contract/index.ts';
import { tempDbPath } from '../../helpers/temp-dir.ts';

const fast = { factors: 8, epochs: 5, seed: 1 };
let store: Store;
let trainings: number;
/** The real worker trainer, counted. */
const countedTrain: typeof trainInWorker = (ratings, options, hooks) => {
  trainings++;
  return trainInWorker(ratings, options, hooks);
};

beforeEach(() => {
  store = openStore(tempDbPath());
  loadEmbeddedCatalog(store);
  applySimulation(store, { mode: 'taste', listeners: 100, seed: 3 });
  trainings = 0;
  return () => store.close();
});

const managers: ModelManager[] = [];
afterEach(() => {
  managers.splice(0).forEach((m) => m.close());
  vi.useRealTimers();
});

function manager(extra: Partial<ConstructorParameters<typeof ModelManager>[0]> = {}): {
  models: ModelManager;
  events: string[];
} {
  const events: string[] = [];
  const hub = new EventHub();
  hub.subscribe((event, payload) =>
    events.push(`${event}:${(payload as EarshotEvents['training:progress']).status ?? 'ready'}`),
  );
  const models = new ModelManager({
    store,
    events: hub,
    options: fast,
    train: countedTrain,
    ...extra,
  });
  managers.push(models);
  return { models, events };
}

/** Lets every already-queued promise callback run (setImmediate is never faked here). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Only the debounce timer is faked: the worker thread and vitest keep real time. */
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

describe('ModelManager with the default trainer', () => {
  it('fits SVD, its star calibration and the picks’ ranking model in one run, and loads all three', async () => {
    const first = new ModelManager({ store, events: new EventHub(), options: fast });
    managers.push(first);
    const start = first.start();
    if (start.status !== 'training') throw new Error(`expected training, got ${start.status}`);
    const outcome = await start.outcome;
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.model.calibration).toBeDefined();
    // The ranking model saw the catalog's side information: every song, rated or not.
    expect(outcome.ranking?.model.itemIds.length).toBe(store.tracks.count());
    const svd = store.models.latestInfo('svd');
    expect(store.models.latestInfo('implicit-als')?.fingerprint).toBe(svd?.fingerprint);

    const events: string[] = [];
    const hub = new EventHub();
    hub.subscribe((event) => events.push(event));
    const second = new ModelManager({ store, events: hub, options: fast });
    managers.push(second);
    expect(second.start()).toEqual({ status: 'loaded' });
    await settle();
    // Both models came from the store: nothing retrains.
    expect(second.training()).toEqual({ status: 'idle' });
    expect(events).toEqual([]);
    const models = await second.current();
    const calibrated = models!.calibrate(10);
    expect(calibrated).toBeLessThanOrEqual(5);
    expect(calibrated).toBeGreaterThan(3);
  });
});

describe('ModelManager', () => {
  it('trains when there is no model, then loads the saved one on the next start', async () => {
    const first = manager();
    const start = first.models.start();
    expect(start.status).toBe('training');
    if (start.status === 'training') expect((await start.outcome).ok).toBe(true);
    expect(first.events).toContain('model:ready:ready');
    expect(first.models.info()?.ratings).toBe(store.ratings.count());

    const second = manager();
    expect(second.models.start()).toEqual({ status: 'loaded' });
    expect(trainings).toBe(1);
    expect(await second.models.current()).toBeDefined();
  });

  it('retrains once, on the changed ratings, after the quiet time following the last change', async () => {
    const { models, events } = manager({ retrainDelayMs: 50 });
    const start = models.start();
    if (start.status === 'training') await start.outcome;
    fakeTimers();
    expect(store.ratings.deleteForUser(store.ratings.readArrays().userIds[0])).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      models.ratingsChanged();
      vi.advanceTimersByTime(30); // each change restarts the quiet time
    }
    vi.advanceTimersByTime(19);
    expect(trainings).toBe(1); // 49 ms after the last change: nothing has started
    vi.advanceTimersByTime(1);
    expect(trainings).toBe(2);
    await vi.waitFor(() => expect(models.training().status).toBe('idle'), { timeout: 20_000 });
    await settle(); // a queued rerun would start here, synchronously
    expect(trainings).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
    expect(events.filter((event) => event === 'model:ready:ready')).toHaveLength(2);
    expect(models.info()?.ratings).toBe(store.ratings.count());
  });

  it('schedules nothing when told not to retrain on change', async () => {
    const { models } = manager({ retrainDelayMs: 10, retrainOnChange: false });
    const start = models.start();
    if (start.status === 'training') await start.outcome;
    fakeTimers();
    models.ratingsChanged();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(trainings).toBe(1);
    expect(models.training()).toEqual({ status: 'idle' });
  });
});
