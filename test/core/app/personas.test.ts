import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../../main/core/app/app-service.ts';
import { EventHub } from '../../../main/core/app/event-hub.ts';
import { ModelManager } from '../../../main/core/app/model-manager.ts';
import { runPersonaTrials, summarise } from '../../../main/core/app/personas/persona-trials.ts';
import type { PersonaKind } from '../../../main/core/app/personas/personas.ts';
import { Prng } from '../../../main/core/random.ts';
import { openStore } from '../../../main/core/store/store.ts';
import type { Store } from '../../../main/core/store/store.ts';
import { buildTrainedDatabase, copyDatabase } from '../../helpers/trained-store.ts';

let trained: Awaited<ReturnType<typeof buildTrainedDatabase>>;
let store: Store;
let models: ModelManager;

beforeAll(async () => {
  trained = await buildTrainedDatabase(1000);
  store = openStore(copyDatabase(trained.path));
  models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
  expect(models.start()).toEqual({ status: 'loaded' });
});
afterAll(() => {
  models.close();
  store.close();
  trained.remove();
});

/**
 * A smaller run of the persona benchmark (bench/personas.bench.ts runs 50 trials per persona):
 * seeded people rate through the app service, "don't know it" included, and judge their picks.
 */
describe('picks as simulated listeners with a clear taste judge them', () => {
  const kinds: PersonaKind[] = ['loved-and-disliked-genre', 'one-era'];
  it.each(kinds)('keep a %s listener on taste in at least 9 of 10 lists', async (kind) => {
    // The round's songs are drawn from a seeded generator too, so a run is the same on every
    // machine: unseeded, about one draw in twelve lands a list below the line by chance.
    const draws = new Prng(5);
    const service = createAppService({ store, models, random: () => draws.nextFloat() });
    const report = await runPersonaTrials(service, store.tracks.list(), {
      kind,
      trials: 15,
      seed: 11,
    });
    const summary = summarise(report);
    expect(summary.lists).toBe(30);
    expect(summary.coherence).toBeGreaterThanOrEqual(0.9);
    expect(summary.dislikedReasons).toBe(0);
    expect(summary.distinctArtists).toBe(1);
    // Rotation: a list shares at most a song, on average, with the one before it.
    expect(summary.repeatsPerList).toBeLessThan(1);
  });
});
