/**
 * Full-catalog ranking on MovieLens 100k, 5 folds (KFold seed 0): for each test user every item
 * they did not rate in training is a candidate, relevant = held-out rating ≥ 4. Popularity,
 * Surprise-default SVD, EASE and the app's picks (implicit ALS), with NDCG, precision,
 * recall, MAP, hit rate, coverage, novelty, diversity at 10 and fit times; then SVD's star
 * calibration before and after. Targets: picks NDCG@10 ≥ 0.35 and ≥ 2× popularity; each
 * 0.5-star bin within ±0.25. Data set: EARSHOT_ML100K, else ../shared/data/ml-100k/u.data
 * beside the project; skipped, saying so, if absent.
 */
import os from 'node:os';
import { appModelOptions } from '../main/core/app/model-settings.ts';
import type { AlgorithmSpec } from '../main/core/recommender/algorithms/predictors.ts';
import { crossValidate } from '../main/core/recommender/evaluation/cross-validate.ts';
import type { CrossValidationResult } from '../main/core/recommender/evaluation/cross-validate.ts';
import { formatCalibration } from '../main/core/recommender/evaluation/format-cross-validation.ts';
import { defaultMovieLens100kPath, readMovieLens } from './lib/movielens.ts';
import { peakRssMiB, report } from './lib/report.ts';

const path = process.env.EARSHOT_ML100K ?? defaultMovieLens100kPath;
const ratings = readMovieLens(path);
if (ratings === undefined) {
  process.stdout.write(`  skipped: MovieLens 100k not found at ${path} (set EARSHOT_ML100K)\n`);
} else {
  const specs: [string, AlgorithmSpec][] = [
    ['popularity', { algorithm: 'popularity' }],
    ['svd (Surprise defaults)', { algorithm: 'svd' }],
    ['ease (λ 500, signed)', { algorithm: 'ease' }],
    ['picks (implicit ALS, as the app)', { algorithm: 'picks', options: appModelOptions }],
  ];
  const columns = [
    'ndcg',
    'precision',
    'recall',
    'map',
    'hitRate',
    'coverage',
    'novelty',
    'diversity',
  ] as const;
  process.stdout.write(
    `  ${'model'.padEnd(30)}${columns.map((c) => c.padStart(10)).join('')}   fit s\n`,
  );
  const results: [string, CrossValidationResult][] = [];
  for (const [label, spec] of specs) {
    const result = crossValidate(ratings, { ...spec, folds: 5, seed: 0, k: 10 });
    results.push([label, result]);
    const cells = columns.map((c) => result.ranking[c].toFixed(4).padStart(10)).join('');
    process.stdout.write(
      `  ${label.padEnd(30)}${cells}${result.mean.fitSeconds.toFixed(2).padStart(8)}\n`,
    );
  }
  const ndcgOf = (name: string): number =>
    results.find(([label]) => label.startsWith(name))?.[1].ranking.ndcg ?? NaN;
  report(
    'picks NDCG@10 / popularity NDCG@10',
    `${(ndcgOf('picks') / ndcgOf('popularity')).toFixed(2)}×`,
  );
  const svd = results.find(([label]) => label.startsWith('svd'))?.[1];
  report('svd RMSE (Surprise parity target ≤ 0.940)', svd?.mean.rmse.toFixed(4) ?? 'n/a');
  for (const [label, result] of results) {
    for (const table of result.calibration ?? []) {
      process.stdout.write(`\n  ${label}:${formatCalibration(table).replaceAll('\n', '\n  ')}\n`);
    }
  }
  process.stdout.write('\n');
  report('peak RSS', `${peakRssMiB().toFixed(0)} MiB`);
  report('load average while measuring (2 cores)', os.loadavg()[0].toFixed(2));
}
