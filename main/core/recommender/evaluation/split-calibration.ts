import { fitSvdCalibration } from '../algorithms/calibrated-svd.ts';
import type { IndexedRatings } from '../algorithms/indexed-ratings.ts';
import { denseIndexOf } from '../algorithms/indexed-ratings.ts';
import type { AlgorithmSpec, Predictor } from '../algorithms/predictors.ts';
import { starOptionsOf } from '../algorithms/predictors.ts';
import { calibrateStars } from '../algorithms/star-calibration.ts';
import { clip } from '../algorithms/svd-model.ts';
import { resolveSvdOptions } from '../algorithms/svd-options.ts';
import type { RatingArrays } from '../../store/rating-repository.ts';
import type { CalibrationSums } from './calibration-table.ts';
import { addToCalibration, emptyCalibrationSums } from './calibration-table.ts';

/**
 * The calibration of a split's SVD-backed stars, as the app gets them: the map is fitted inside
 * the training part (its own 90/10 split, exactly as the training worker does) and judged on
 * the held-out part, next to the clipped stars Surprise would show. Undefined for algorithms
 * whose stars are not SVD's. Test pairs the training part lacks are left out. `ratingScale`
 * is the data's scale, as `trainPredictor` takes it (SVD's own option wins when given).
 */
export function splitCalibration(
  spec: AlgorithmSpec,
  train: IndexedRatings,
  test: RatingArrays,
  predictor: Predictor,
  ratingScale: { readonly min: number; readonly max: number } = { min: 1, max: 5 },
): { clipped: CalibrationSums; calibrated: CalibrationSums } | undefined {
  const starOptions = starOptionsOf(spec);
  const starScore = predictor.starScore;
  if (starOptions === undefined || starScore === undefined) return undefined;
  const options = { ratingScale, ...starOptions };
  const map = fitSvdCalibration(train, options);
  const scale = resolveSvdOptions(options).ratingScale;
  const [clipped, calibrated, actual]: number[][] = [[], [], []];
  for (let t = 0; t < test.ratings.length; t++) {
    const user = denseIndexOf(train.userIds, test.userIds[t]);
    const item = denseIndexOf(train.itemIds, test.trackIds[t]);
    if (user < 0 || item < 0) continue;
    const score = starScore(user, item);
    clipped.push(clip(score, scale));
    calibrated.push(calibrateStars(map, score));
    actual.push(test.ratings[t]);
  }
  const sums = { clipped: emptyCalibrationSums(scale), calibrated: emptyCalibrationSums(scale) };
  addToCalibration(sums.clipped, clipped, actual);
  addToCalibration(sums.calibrated, calibrated, actual);
  return sums;
}
