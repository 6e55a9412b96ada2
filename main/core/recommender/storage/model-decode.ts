import type { SvdModel } from '../algorithms/svd-model.ts';
import type { StarCalibration } from '../algorithms/star-calibration.ts';
import { resolveSvdOptions } from '../algorithms/svd-options.ts';
import type { ResolvedSvdOptions } from '../algorithms/svd-options.ts';
import { ModelCodecError } from './model-codec-error.ts';
import { svdMagic } from './model-codec.ts';
import { decodePayload } from './payload.ts';

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Knots that are finite, as many scores as stars, at least one, both ascending. */
function checkCalibration(value: unknown, options: ResolvedSvdOptions): StarCalibration {
  const { scores, stars } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const numbers = (list: unknown): list is number[] =>
    Array.isArray(list) && list.every((x) => typeof x === 'number' && Number.isFinite(x));
  const ascending = (list: number[]): boolean =>
    list.every((x, at) => at === 0 || x > list[at - 1]);
  if (
    !numbers(scores) ||
    !numbers(stars) ||
    scores.length !== stars.length ||
    scores.length === 0
  ) {
    throw new ModelCodecError('corrupt', 'model calibration lacks matching knots');
  }
  if (!ascending(scores) || !ascending(stars)) {
    throw new ModelCodecError('corrupt', 'model calibration knots are not ascending');
  }
  return {
    scores: Float64Array.from(scores),
    stars: Float64Array.from(stars),
    ratingScale: options.ratingScale,
  };
}

function checkHeader(header: unknown) {
  if (typeof header !== 'object' || header === null)
    throw new ModelCodecError('corrupt', 'model header is not an object');
  const h = header as Record<string, unknown>;
  if (
    h.algorithm !== 'svd' ||
    !isCount(h.users) ||
    !isCount(h.items) ||
    !isCount(h.factors) ||
    typeof h.globalMean !== 'number'
  ) {
    throw new ModelCodecError('corrupt', 'model header lacks algorithm, counts or mean');
  }
  let options;
  try {
    options = resolveSvdOptions(h.options as Parameters<typeof resolveSvdOptions>[0]);
  } catch (error) {
    throw new ModelCodecError('corrupt', `model options are invalid: ${String(error)}`);
  }
  if (options.factors !== h.factors)
    throw new ModelCodecError('corrupt', 'model factors disagree with its options');
  const calibration =
    h.calibration === undefined ? undefined : checkCalibration(h.calibration, options);
  const { users, items, factors, globalMean } = h;
  return { options, factors, globalMean, users, items, calibration };
}

/**
 * Decodes a payload of {@link encodeModel} into a model whose arrays are fresh copies (the
 * payload may be a view into a larger buffer at any alignment). Throws {@link ModelCodecError}
 * for anything that is not a complete version-1 model.
 */
export function decodeModel(payload: Uint8Array): SvdModel {
  const reader = decodePayload(payload, svdMagic, 'SVD model');
  const header = checkHeader(reader.header);
  const { users, items, factors } = header;
  const expected = 4 * (2 * users + 2 * items + users * factors + items * factors);
  if (reader.dataBytes !== expected) {
    throw new ModelCodecError(
      'corrupt',
      `model payload holds ${reader.dataBytes} data bytes, expected ${expected}`,
    );
  }
  return {
    algorithm: 'svd',
    options: header.options,
    factors,
    globalMean: header.globalMean,
    userIds: new Int32Array(reader.take(4 * users)),
    itemIds: new Int32Array(reader.take(4 * items)),
    userBias: new Float32Array(reader.take(4 * users)),
    itemBias: new Float32Array(reader.take(4 * items)),
    userFactors: new Float32Array(reader.take(4 * users * factors)),
    itemFactors: new Float32Array(reader.take(4 * items * factors)),
    ...(header.calibration === undefined ? {} : { calibration: header.calibration }),
  };
}
