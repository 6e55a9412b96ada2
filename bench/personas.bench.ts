/**
 * Picks judged as listeners would judge them: seeded simulated people (one loved and one
 * disliked genre; two loved genres; one era; one artist's neighbourhood) use the app service as
 * the faces do, "don't know it" presses included, for two rounds each. Targets (issue 10):
 * coherence ≥ 95 % of 50 trials, 0 reasons citing a song rated ≤ 2★.
 *
 * With --taste, each persona first gives the taste start they would (issue 13).
 *
 *   node bench/personas.bench.ts [--trials 50] [--seed 1] [--samples] [--taste]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppService } from '../main/core/app/app-service.ts';
import { EventHub } from '../main/core/app/event-hub.ts';
import { ModelManager } from '../main/core/app/model-manager.ts';
import { runPersonaTrials, summarise } from '../main/core/app/personas/persona-trials.ts';
import { personaKinds } from '../main/core/app/personas/personas.ts';
import { loadEmbeddedCatalog } from '../main/core/catalog/embedded-catalog.ts';
import { Prng, mixSeeds } from '../main/core/random.ts';
import { applySimulation } from '../main/core/ratings/simulation.ts';
import { openStore } from '../main/core/store/store.ts';
import { report } from './lib/report.ts';

const trialsArg = process.argv.indexOf('--trials');
const trials = trialsArg > 0 ? Number(process.argv[trialsArg + 1]) : 50;
const showSamples = process.argv.includes('--samples');
const withTaste = process.argv.includes('--taste');
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 1;

const dir = mkdtempSync(join(tmpdir(), 'earshot-personas-'));
const store = openStore(join(dir, 'earshot.db'));
try {
  loadEmbeddedCatalog(store);
  applySimulation(store, { mode: 'taste', listeners: 1000, seed: 42 });
  const models = new ModelManager({ store, events: new EventHub(), retrainOnChange: false });
  const trained = await models.trainNow();
  if (!trained.ok) throw new Error(trained.error.message);
  // The rounds' draws are seeded too, so that the same arguments give the same figures.
  const rounds = new Prng(mixSeeds(seed, 0x9e75));
  const service = createAppService({ store, models, random: () => rounds.nextFloat() });
  const catalog = store.tracks.list();
  for (const kind of personaKinds) {
    const started = performance.now();
    const result = await runPersonaTrials(service, catalog, { kind, trials, seed, withTaste });
    const s = summarise(result);
    console.log(
      `\n${kind} (${trials} trials × 2 rounds, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    report(
      'coherence (≥ 2 of 3 loved, none disliked)',
      `${(s.coherence * 100).toFixed(0)} % of ${s.lists - s.nothingLiked} lists (target ≥ 95 %)`,
    );
    report('lists after rounds of only dislikes', `${s.nothingLiked} (not judged)`);
    report('all 3 picks loved', `${(s.allLoved * 100).toFixed(0)} %`);
    report('reasons citing a ≤ 2★ song', `${s.dislikedReasons} (target 0)`);
    report('lists with distinct artists', `${(s.distinctArtists * 100).toFixed(0)} %`);
    report('picks repeated from the previous round', `${s.repeatsPerList.toFixed(2)} per list`);
    report('median "don\'t know it" presses per round', `${s.medianSkips}`);
    report(
      'first / second list: on taste',
      s.coherenceByRound.map((c) => `${(c * 100).toFixed(0)} %`).join(' / '),
    );
    report('first / second round: median presses', s.medianSkipsByRound.join(' / '));
    if (showSamples)
      for (const sample of result.samples.slice(0, 3)) {
        console.log(`  - ${sample.persona}`);
        for (const line of sample.picks) console.log(`      ${line}`);
      }
  }
  models.close();
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
