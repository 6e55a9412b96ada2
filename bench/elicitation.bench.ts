/**
 * Which songs to ask a new listener about (Rashid et al. 2002, "Getting to know you"), measured
 * offline. Held-out simulated new listeners — the persona kinds, and listeners drawn by the same
 * generator as the 1,000 the model is trained on, at indices it never saw — go through their
 * first two rounds of 5 through the app service, as the faces call it: they know only some
 * songs (new-listeners.ts), press "don't know it" on the rest, and judge the picks. For each
 * strategy: "don't know it" presses per round (median, p90) and NDCG@3 of the picks after 5 and
 * 10 answers against the songs they like and did not rate; with and without a taste start.
 * Then MovieLens 100k as a check (the ranking model's top 3 for 100 held-out users, "knowing" a
 * movie = having rated it), skipped, saying so, when the file is absent. Seeded: the same
 * arguments give the same figures. Target (issue 13): a one-genre lover reaches 5 ratings with
 * a median of ≤ 3 presses.
 *
 *   node bench/elicitation.bench.ts [--listeners 20] [--seed 1] [--skip-movielens]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppService } from '../main/core/app/app-service.ts';
import type { AppService } from '../main/core/app/app-service.ts';
import { EventHub } from '../main/core/app/event-hub.ts';
import { ModelManager } from '../main/core/app/model-manager.ts';
import {
  runElicitation,
  summariseElicitation,
} from '../main/core/app/personas/elicitation-trials.ts';
import type { ElicitationOutcome } from '../main/core/app/personas/elicitation-trials.ts';
import {
  generatorListener,
  personaListener,
  popularityRanks,
} from '../main/core/app/personas/new-listeners.ts';
import type { NewListener } from '../main/core/app/personas/new-listeners.ts';
import { drawPersona, personaKinds } from '../main/core/app/personas/personas.ts';
import type { Track } from '../main/core/catalog/track.ts';
import { loadEmbeddedCatalog } from '../main/core/catalog/embedded-catalog.ts';
import type { RatingStrategy } from '../main/core/contract/index.ts';
import { Prng, mixSeeds } from '../main/core/random.ts';
import { applySimulation } from '../main/core/ratings/simulation.ts';
import { openStore } from '../main/core/store/store.ts';
import { prepareMovieLens, runMovieLensElicitation } from './lib/elicitation-movielens.ts';
import { defaultMovieLens100kPath, readMovieLens } from './lib/movielens.ts';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const listenersPerGroup = argument('--listeners', 20);
const seed = argument('--seed', 1);
const strategies: readonly RatingStrategy[] = ['random', 'smart', 'entropy', 'adaptive'];
const simulationSeed = 42;
const trainedListeners = 1000;

function row(label: string, outcomes: readonly ElicitationOutcome[]): string {
  const [first, second] = summariseElicitation(outcomes).perRound;
  const short = outcomes.filter((o) => (o.answers[0] ?? 0) < 5).length;
  const cells = [first, second].flatMap((r) => [
    String(r?.medianPresses ?? '').padStart(8),
    String(r?.p90Presses ?? '').padStart(6),
  ]);
  const ndcgs = [first, second].map((r) => (r?.meanNdcg ?? 0).toFixed(3).padStart(10));
  return `  ${label.padEnd(22)}${cells.join('')}${ndcgs.join('')}${String(short).padStart(8)}`;
}

const header =
  `  ${'strategy'.padEnd(22)}${'presses r1'.padStart(14)}${'presses r2'.padStart(14)}` +
  `${'NDCG@3'.padStart(10)}${'NDCG@3'.padStart(10)}${'< 5'.padStart(8)}\n` +
  `  ${''.padEnd(22)}${'median'.padStart(8)}${'p90'.padStart(6)}${'median'.padStart(8)}` +
  `${'p90'.padStart(6)}${'5 ans.'.padStart(10)}${'10 ans.'.padStart(10)}${'rated'.padStart(8)}`;

async function measureGroup(
  service: AppService,
  catalog: readonly Track[],
  title: string,
  listeners: readonly NewListener[],
): Promise<void> {
  process.stdout.write(`\n${title} (${listeners.length} listeners)\n${header}\n`);
  for (const withTaste of [false, true]) {
    for (const strategy of strategies) {
      const outcomes: ElicitationOutcome[] = [];
      for (const listener of listeners) {
        outcomes.push(
          await runElicitation(service, listener, catalog, {
            strategy,
            ...(withTaste ? { taste: listener.taste } : {}),
          }),
        );
      }
      process.stdout.write(`${row(`${strategy}${withTaste ? ' + taste' : ''}`, outcomes)}\n`);
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'earshot-elicitation-'));
const store = openStore(join(dir, 'earshot.db'));
try {
  loadEmbeddedCatalog(store);
  applySimulation(store, { mode: 'taste', listeners: trainedListeners, seed: simulationSeed });
  const models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
  const trained = await models.trainNow();
  if (!trained.ok) throw new Error(trained.error.message);
  const service = createAppService({ store, models, random: seededRandom(seed) });
  const catalog = store.tracks.list();
  const counts = new Map([...store.ratings.statsByTrack()].map(([id, s]) => [id, s.count]));
  const popularity = popularityRanks(counts);
  for (const kind of personaKinds) {
    const listeners = Array.from({ length: listenersPerGroup }, (_, i) => {
      const random = new Prng(mixSeeds(seed, i, 0x9e1));
      return personaListener(drawPersona(kind, catalog, random), popularity, mixSeeds(seed, i));
    });
    await measureGroup(service, catalog, `persona: ${kind}`, listeners);
  }
  const heldOut = Array.from({ length: listenersPerGroup }, (_, i) =>
    generatorListener(catalog, simulationSeed, trainedListeners + seed * 10_000 + i),
  );
  await measureGroup(service, catalog, 'generator listeners (held out)', heldOut);
  models.close();
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

if (!process.argv.includes('--skip-movielens')) {
  const path = process.env.EARSHOT_ML100K ?? defaultMovieLens100kPath;
  const ratings = readMovieLens(path);
  if (ratings === undefined) {
    process.stdout.write(`\nMovieLens: skipped, ${path} not found (set EARSHOT_ML100K)\n`);
  } else {
    process.stdout.write(`\nMovieLens 100k, 100 held-out users (ranking model's top 3)\n`);
    process.stdout.write(`${header}\n`);
    const prepared = prepareMovieLens(ratings, { users: 100, seed });
    for (const strategy of strategies) {
      const outcomes = runMovieLensElicitation(prepared, { strategy, seed });
      process.stdout.write(`${row(strategy, outcomes)}\n`);
    }
  }
}

function seededRandom(value: number): () => number {
  const random = new Prng(mixSeeds(value, 0xe11c));
  return () => random.nextFloat();
}
