import { afterEach, describe, expect, it } from 'vitest';
import { writeModelParameters } from '../../main/core/app/model-parameters.ts';
import { composeEarshot } from '../../main/core/compose.ts';
import type { Earshot } from '../../main/core/compose.ts';
import type { SvdOptions } from '../../main/core/recommender/algorithms/svd-options.ts';
import { trainInWorker } from '../../main/core/recommender/training/train-in-worker.ts';
import { tempDbPath } from '../helpers/temp-dir.ts';

const built: Earshot[] = [];
afterEach(() => built.splice(0).forEach((earshot) => earshot.close()));

/** The core over a new database; `trained` records the options of every training. */
function compose(options: { bootstrap?: boolean } = {}) {
  const trained: SvdOptions[] = [];
  const earshot = composeEarshot({
    database: tempDbPath(),
    create: true,
    ...options,
    train: (ratings, svdOptions, hooks) => {
      trained.push(svdOptions ?? {});
      return trainInWorker(ratings, svdOptions, hooks);
    },
  });
  built.push(earshot);
  return { earshot, trained };
}

describe('composeEarshot', () => {
  it('fills a new database with the catalog and listeners, and serves it at once', async () => {
    const { earshot } = compose();
    expect(earshot.bootstrapped).toBe(true);
    const state = await earshot.service.handle('getState', undefined);
    expect(state.ok && state.value.catalog.tracks).toBeGreaterThan(700);
    expect(state.ok && state.value.model).toBeNull();
  });

  it('leaves an empty database empty when the face fills it itself (earshot pipeline)', () => {
    const { earshot } = compose({ bootstrap: false });
    expect(earshot.bootstrapped).toBe(false);
    expect(earshot.store.tracks.count()).toBe(0);
  });

  it("trains with the user's model parameters, read again at each training", async () => {
    const { earshot, trained } = compose();
    writeModelParameters(earshot.store, { factors: 4, epochs: 2 });
    const start = earshot.models.start();
    expect(start.status).toBe('training');
    if (start.status === 'training') expect((await start.outcome).ok).toBe(true);
    writeModelParameters(earshot.store, { factors: 6 });
    expect((await earshot.models.trainNow()).ok).toBe(true);
    expect(trained.map(({ factors, epochs }) => ({ factors, epochs }))).toEqual([
      { factors: 4, epochs: 2 },
      { factors: 6, epochs: 2 },
    ]);
    expect(earshot.modelOptions()).toMatchObject({ factors: 6, epochs: 2 });
  });
});
