import type { SvdModel } from '../algorithms/svd-model.ts';
import { ModelCodecError, modelFormatVersion } from './model-codec.ts';
import { resolveSvdOptions } from '../algorithms/svd-options.ts';

function readHeader(payload: Uint8Array) {
  if (
    payload.length < 12 ||
    !(payload[0] === 0x45 && payload[1] === 0x53 && payload[2] === 0x56 && payload[3] === 0x44)
  ) {
    throw new ModelCodecError('not-a-model', 'payload is not an Earshot SVD model');
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const version = view.getUint32(4, true);
  if (version !== modelFormatVersion) {
    throw new ModelCodecError(
      'unsupported-version',
      `model format ${version} is not ${modelFormatVersion}`,
    );
  }
  const length = view.getUint32(8, true);
  if (12 + length > payload.length)
    throw new ModelCodecError('corrupt', 'model header runs past the payload');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(payload.subarray(12, 12 + length)));
  } catch (error) {
    throw new ModelCodecError('corrupt', `model header is not JSON: ${String(error)}`);
  }
  return { header: checkHeader(header), dataStart: Math.ceil((12 + length) / 4) * 4 };
}

function checkHeader(header: unknown) {
  const isCount = (value: unknown): value is number =>
    Number.isInteger(value) && (value as number) >= 0;
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
  return { options, factors: h.factors, globalMean: h.globalMean, users: h.users, items: h.items };
}

/**
 * Decodes a payload of {@link encodeModel} into a model whose arrays are fresh copies (the
 * payload may be a view into a larger buffer at any alignment). Throws {@link ModelCodecError}
 * for anything that is not a complete version-1 model.
 */
export function decodeModel(payload: Uint8Array): SvdModel {
  const { header, dataStart } = readHeader(payload);
  const { users, items, factors } = header;
  const expected = dataStart + 4 * (2 * users + 2 * items + users * factors + items * factors);
  if (payload.length !== expected) {
    throw new ModelCodecError(
      'corrupt',
      `model payload holds ${payload.length} bytes, expected ${expected}`,
    );
  }
  let offset = payload.byteOffset + dataStart;
  const take = (count: number): ArrayBuffer => {
    const bytes = payload.buffer.slice(offset, offset + count * 4) as ArrayBuffer;
    offset += count * 4;
    return bytes;
  };
  return {
    algorithm: 'svd',
    options: header.options,
    factors,
    globalMean: header.globalMean,
    userIds: new Int32Array(take(users)),
    itemIds: new Int32Array(take(items)),
    userBias: new Float32Array(take(users)),
    itemBias: new Float32Array(take(items)),
    userFactors: new Float32Array(take(users * factors)),
    itemFactors: new Float32Array(take(items * factors)),
  };
}
