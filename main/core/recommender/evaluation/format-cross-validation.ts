import type { CalibrationTable } from './calibration-table.ts';
import type { CrossValidationResult } from './cross-validate.ts';
import type { MetricName } from './evaluate.ts';

function rowLabels(k: number): [MetricName, string][] {
  return [
    ['rmse', 'RMSE (testset)'],
    ['mae', 'MAE (testset)'],
    ['fcp', 'FCP (testset)'],
    ['precision', `Precision@${k}`],
    ['recall', `Recall@${k}`],
    ['ndcg', `NDCG@${k}`],
    ['hitRate', `HitRate@${k}`],
    ['map', `MAP@${k}`],
    ['coverage', `Coverage@${k}`],
    ['novelty', `Novelty@${k}`],
    ['diversity', `Diversity@${k}`],
    ['fitSeconds', 'Fit time'],
    ['testSeconds', 'Test time'],
  ];
}

const cell = (text: string): string => text.padEnd(8);
const number = (value: number, digits: number): string =>
  Number.isNaN(value) ? 'n/a' : value.toFixed(digits);

/**
 * The result as a text table laid out like Surprise's `cross_validate(..., verbose=True)`:
 * a header line, then one row per figure with a column per fold, the mean and the standard
 * deviation (4 decimals for metrics, 2 for seconds; n/a where a model has no such figure).
 * Then the ranking protocol, and the calibration tables when there are any.
 */
export function formatCrossValidation(result: CrossValidationResult): string {
  const labels = rowLabels(result.k);
  const header = [
    ''.padEnd(18),
    ...result.folds.map((_, fold) => cell(`Fold ${fold + 1}`)),
    cell('Mean'),
    cell('Std'),
  ].join('');
  const rows = labels.map(([name, label]) => {
    const digits = name.endsWith('Seconds') ? 2 : 4;
    const values = [...result.folds.map((fold) => fold[name]), result.mean[name], result.sd[name]];
    return [label.padEnd(18), ...values.map((value) => cell(number(value, digits)))].join('');
  });
  const names = labels
    .filter(([name]) => !name.endsWith('Seconds'))
    .map(([, label]) => label.replace(' (testset)', ''));
  const title = `Evaluating ${names.join(', ')} of algorithm ${result.algorithm} on ${result.folds.length} split(s).`;
  const protocol = `Ranking: ${result.ranking.protocol} protocol, relevant = held-out rating ≥ ${result.relevanceThreshold}.`;
  const tables = (result.calibration ?? []).map(formatCalibration);
  return (
    [
      title,
      '',
      header.trimEnd(),
      ...rows.map((row) => row.trimEnd()),
      '',
      protocol,
      ...tables,
    ].join('\n') + '\n'
  );
}

/** One calibration table: a row per 0.5-star bin of predicted stars. */
export function formatCalibration(table: CalibrationTable): string {
  const lines = [
    '',
    `Calibration of ${table.stars} stars (RMSE ${number(table.rmse, 4)}, largest |actual − centre| ${number(table.maxDeviation, 3)}):`,
    `${'predicted'.padEnd(12)}${'count'.padStart(8)}${'mean pred'.padStart(11)}${'mean actual'.padStart(13)}  within ±0.25`,
  ];
  for (const bin of table.bins) {
    const verdict = bin.withinTarget === null ? 'few ratings' : bin.withinTarget ? 'yes' : 'no';
    lines.push(
      `${`${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`.padEnd(12)}${String(bin.count).padStart(8)}${number(bin.meanPredicted, 3).padStart(11)}${number(bin.meanActual, 3).padStart(13)}  ${verdict}`,
    );
  }
  return lines.join('\n');
}
