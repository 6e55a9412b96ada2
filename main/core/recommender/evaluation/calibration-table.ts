/**
 * How honest predicted stars are: held-out ratings grouped in 0.5-star bins of the predicted
 * stars, each bin's mean prediction against the mean of what the listeners really gave. A
 * calibrated predictor's mean actual lies within ±{@link calibrationTolerance} of each bin's
 * centre.
 */
const calibrationTolerance = 0.25;
export const calibrationBinWidth = 0.5;
/** Bins with fewer held-out ratings than this say little; they are flagged, not judged. */
const calibrationMinCount = 30;

/** Running sums per bin, so folds can be pooled by adding. */
export interface CalibrationSums {
  readonly scaleMin: number;
  readonly count: Float64Array;
  readonly predicted: Float64Array;
  readonly actual: Float64Array;
  readonly squaredError: Float64Array;
}

export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly centre: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly meanActual: number;
  /** meanActual − centre. */
  readonly deviation: number;
  /** |deviation| ≤ the tolerance; null when the bin has fewer than the minimum count. */
  readonly withinTarget: boolean | null;
}

export interface CalibrationTable {
  /** 'clipped': the SVD estimate clipped to the scale (what Surprise predicts); 'calibrated'. */
  readonly stars: 'clipped' | 'calibrated';
  readonly rmse: number;
  readonly bins: readonly CalibrationBin[];
  /** Largest |deviation| over bins with enough ratings. */
  readonly maxDeviation: number;
}

/** Empty sums for a scale (0.5-star bins from its minimum to its maximum). */
export function emptyCalibrationSums(scale: { min: number; max: number }): CalibrationSums {
  const bins = Math.ceil((scale.max - scale.min) / calibrationBinWidth);
  const zeros = (): Float64Array => new Float64Array(bins);
  return {
    scaleMin: scale.min,
    count: zeros(),
    predicted: zeros(),
    actual: zeros(),
    squaredError: zeros(),
  };
}

/** Adds pairs of predicted (within the scale) and actual stars to `sums`. */
export function addToCalibration(
  sums: CalibrationSums,
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
): void {
  const last = sums.count.length - 1;
  for (let t = 0; t < predicted.length; t++) {
    const offset = Math.floor((predicted[t] - sums.scaleMin) / calibrationBinWidth);
    const bin = Math.min(last, Math.max(0, offset));
    sums.count[bin]++;
    sums.predicted[bin] += predicted[t];
    sums.actual[bin] += actual[t];
    sums.squaredError[bin] += (predicted[t] - actual[t]) ** 2;
  }
}

/** Adds `from` into `into` (pooling folds). */
export function mergeCalibration(into: CalibrationSums, from: CalibrationSums): void {
  for (const key of ['count', 'predicted', 'actual', 'squaredError'] as const) {
    for (let bin = 0; bin < into[key].length; bin++) into[key][bin] += from[key][bin];
  }
}

export function calibrationTable(
  sums: CalibrationSums,
  stars: CalibrationTable['stars'],
): CalibrationTable {
  let [total, squared, maxDeviation] = [0, 0, 0];
  const bins = Array.from(sums.count, (count, bin): CalibrationBin => {
    const from = sums.scaleMin + bin * calibrationBinWidth;
    const centre = from + calibrationBinWidth / 2;
    const meanActual = sums.actual[bin] / count;
    const deviation = meanActual - centre;
    const judged = count >= calibrationMinCount;
    if (judged) maxDeviation = Math.max(maxDeviation, Math.abs(deviation));
    [total, squared] = [total + count, squared + sums.squaredError[bin]];
    return {
      from,
      to: from + calibrationBinWidth,
      centre,
      count,
      meanPredicted: sums.predicted[bin] / count,
      meanActual,
      deviation,
      withinTarget: judged ? Math.abs(deviation) <= calibrationTolerance : null,
    };
  });
  return { stars, rmse: Math.sqrt(squared / total), bins, maxDeviation };
}
