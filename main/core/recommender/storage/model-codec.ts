import type { SvdModel } from '../algorithms/svd-model.ts';
import type { ResolvedSvdOptions } from '../algorithms/svd-options.ts';
import { encodePayload } from './payload.ts';

export { ModelCodecError } from './model-codec-error.ts';

/**
 * An SVD model as one binary payload (the `models.payload` BLOB) in the envelope of payload.ts
 * with magic "ESVD". Header: { algorithm, options, factors, globalMean, users, items } and,
 * when the model is calibrated, calibration: { scores, stars } (the knots; older readers
 * ignore it). Sections: userIds (Int32 × users), itemIds (Int32 × items), userBias (Float32 ×
 * users), itemBias (Float32 × items), userFactors (Float32 × users·k), itemFactors (Float32 ×
 * items·k).
 */
export const svdMagic = 'ESVD';

export interface SvdHeader {
  algorithm: 'svd';
  options: ResolvedSvdOptions;
  factors: number;
  globalMean: number;
  users: number;
  items: number;
  calibration?: { scores: number[]; stars: number[] };
}

/** Encodes `model` as described above. */
export function encodeModel(model: SvdModel): Uint8Array {
  const header: SvdHeader = {
    algorithm: model.algorithm,
    options: model.options,
    factors: model.factors,
    globalMean: model.globalMean,
    users: model.userIds.length,
    items: model.itemIds.length,
  };
  if (model.calibration !== undefined) {
    header.calibration = {
      scores: Array.from(model.calibration.scores),
      stars: Array.from(model.calibration.stars),
    };
  }
  return encodePayload(svdMagic, header, [
    model.userIds,
    model.itemIds,
    model.userBias,
    model.itemBias,
    model.userFactors,
    model.itemFactors,
  ]);
}
