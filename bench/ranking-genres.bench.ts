/**
 * Why the picks rank with implicit ALS: on the app's own catalog and 1,000 simulated listeners
 * (a fresh `earshot pipeline` database), a listener who gives 5★ to three songs of one genre
 * and 1★ to two of another is ranked by each model alone (no variety re-rank, no reasons), 200
 * seeded trials. Coherent: at least 2 of the top 3 in the loved genre and none in the disliked
 * one. Also an era listener (three 5★ songs of one decade, two 1★ songs 20+ years away): at
 * least 2 of 3 within five years of that decade. The app's full persona benchmark (with rounds,
 * skips and variety) lives with the picks use-case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main/cli/main.ts';
import { Prng } from '../main/core/random.ts';
import { createRanker } from '../main/core/recommender/algorithms/ranker.ts';
import type { Ranker } from '../main/core/recommender/algorithms/ranker.ts';
import { fitRankingModel } from '../main/core/recommender/algorithms/ranking-model.ts';
import type { RankingOptions } from '../main/core/recommender/algorithms/ranking-options.ts';
import { openStore } from '../main/core/store/store.ts';
import type { Track } from '../main/core/catalog/track.ts';
import { report } from './lib/report.ts';

const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-'));
const path = join(dir, 'earshot.db');
const quiet = {
  out: () => undefined,
  err: () => undefined,
  isTty: false,
  env: {},
  stdin: process.stdin,
  isInputTty: false,
};
if ((await main(['pipeline', '--db', path], quiet)) !== 0) throw new Error('pipeline failed');
const store = openStore(path);
const ratings = store.ratings.readArrays();
const tracks = store.tracks.list();
store.close();
rmSync(dir, { recursive: true, force: true });

const random = new Prng(1);
const draw = <T>(items: readonly T[], count: number): T[] => {
  const pool = [...items];
  return Array.from(
    { length: Math.min(count, pool.length) },
    () => pool.splice(random.nextInt(pool.length), 1)[0],
  );
};
const genres = [...new Set(tracks.flatMap((track) => track.genres))];
const trials = 200;

function topThree(ranker: Ranker, loved: Track[], disliked: Track[]): Track[] {
  const trackIds = [...loved, ...disliked].map((track) => track.id);
  const stars = [...loved.map(() => 5), ...disliked.map(() => 1)];
  const { items } = ranker.rank({ trackIds, ratings: stars }, { count: 3 });
  return items.flatMap((item) => tracks.filter((track) => track.id === item.trackId));
}

function genreCoherence(ranker: Ranker): number {
  let coherent = 0;
  for (let trial = 0; trial < trials; trial++) {
    const [loved, hated] = draw(genres, 2);
    const only = (keep: string, avoid: string): Track[] =>
      tracks.filter((t) => t.genres.includes(keep) && !t.genres.includes(avoid));
    const top = topThree(ranker, draw(only(loved, hated), 3), draw(only(hated, loved), 2));
    const inLoved = top.filter((t) => t.genres.includes(loved)).length;
    if (inLoved >= 2 && top.every((t) => !t.genres.includes(hated))) coherent++;
  }
  return coherent / trials;
}

function eraCoherence(ranker: Ranker): number {
  let coherent = 0;
  for (let trial = 0; trial < trials; trial++) {
    const decade = 1960 + 10 * random.nextInt(5);
    const dated = tracks.filter((t) => t.year !== null);
    const inEra = dated.filter((t) => (t.year ?? 0) >= decade && (t.year ?? 0) < decade + 10);
    const far = dated.filter((t) => Math.abs((t.year ?? 0) - decade - 5) > 20);
    const top = topThree(ranker, draw(inEra, 3), draw(far, 2));
    const near = top.filter((t) => (t.year ?? 0) >= decade - 5 && (t.year ?? 0) < decade + 15);
    if (near.length >= 2) coherent++;
  }
  return coherent / trials;
}

const models: [string, RankingOptions][] = [
  ['implicit ALS (picks)', { algorithm: 'implicit-als' }],
  ['EASE λ 500', { algorithm: 'ease' }],
  ['EASE λ 500, "rated" training', { algorithm: 'ease', trainingInput: 'rated' }],
];
for (const [label, options] of models) {
  const ranker = createRanker(fitRankingModel(ratings, options));
  const genre = (100 * genreCoherence(ranker)).toFixed(1);
  const era = (100 * eraCoherence(ranker)).toFixed(1);
  report(`${label}: genre / era coherent`, `${genre} % / ${era} % of ${trials}`);
}
