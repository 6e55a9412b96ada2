/**
 * (a) MovieLens 100k, 5-fold cross-validation with Surprise's SVD defaults, fast and reference
 * trainers, plus the baselines. Targets: RMSE ≤ 0.940, MAE ≤ 0.742 (Surprise: 0.934 / 0.737).
 * The data set path: EARSHOT_ML100K, else ../shared/data/ml-100k/u.data beside the project;
 * skipped, saying so, if absent.
 */
import { crossValidate } from '../main/core/recommender/evaluation/cross-validate.ts';
import { formatCrossValidation } from '../main/core/recommender/evaluation/format-cross-validation.ts';
import type { AlgorithmSpec } from '../main/core/recommender/algorithms/predictors.ts';
import { defaultMovieLens100kPath, readMovieLens } from './lib/movielens.ts';
import { report } from './lib/report.ts';

const path = process.env.EARSHOT_ML100K ?? defaultMovieLens100kPath;
const ratings = readMovieLens(path);
if (ratings === undefined) {
  process.stdout.write(`  skipped: MovieLens 100k not found at ${path} (set EARSHOT_ML100K)\n`);
} else {
  const specs: AlgorithmSpec[] = [
    { algorithm: 'svd' },
    { algorithm: 'svd-reference' },
    { algorithm: 'baseline-only' },
    { algorithm: 'popularity' },
    { algorithm: 'global-mean' },
  ];
  const summary: [string, string][] = [];
  for (const spec of specs) {
    const result = crossValidate(ratings, { ...spec, folds: 5, seed: 1, k: 10 });
    process.stdout.write(`\n${formatCrossValidation(result)}`);
    const { mean, sd } = result;
    summary.push([
      `${spec.algorithm} RMSE / MAE (mean ± sd)`,
      `${mean.rmse.toFixed(4)} ± ${sd.rmse.toFixed(4)} / ${mean.mae.toFixed(4)} ± ${sd.mae.toFixed(4)}`,
    ]);
  }
  process.stdout.write('\n');
  for (const [label, value] of summary) report(label, value);
}
