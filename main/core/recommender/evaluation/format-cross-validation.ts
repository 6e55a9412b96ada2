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
    ['fitSeconds', 'Fit time'],
    ['testSeconds', 'Test time'],
  ];
}

/**
 * The result as a text table laid out like Surprise's `cross_validate(..., verbose=True)`:
 * a header line, then one row per figure with a column per fold, the mean and the standard
 * deviation (4 decimals for metrics, 2 for seconds).
 */
export function formatCrossValidation(result: CrossValidationResult): string {
  const labels = rowLabels(result.k);
  const cell = (text: string): string => text.padEnd(8);
  const header = [
    ''.padEnd(18),
    ...result.folds.map((_, fold) => cell(`Fold ${fold + 1}`)),
    cell('Mean'),
    cell('Std'),
  ].join('');
  const rows = labels.map(([name, label]) => {
    const digits = name.endsWith('Seconds') ? 2 : 4;
    const values = [...result.folds.map((fold) => fold[name]), result.mean[name], result.sd[name]];
    return [label.padEnd(18), ...values.map((value) => cell(value.toFixed(digits)))].join('');
  });
  const names = labels
    .filter(([name]) => !name.endsWith('Seconds'))
    .map(([, label]) => label.replace(' (testset)', ''));
  const title = `Evaluating ${names.join(', ')} of algorithm ${result.algorithm} on ${result.folds.length} split(s).`;
  return [title, '', header.trimEnd(), ...rows.map((row) => row.trimEnd())].join('\n') + '\n';
}
