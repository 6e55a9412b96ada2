import type { SvdModel } from '../algorithms/svd-model.ts';
import type { ResolvedSvdOptions } from '../algorithms/svd-options.ts';

/**
 * A model as one binary payload (the `models.payload` BLOB), format version 1:
 *
 *   bytes 0–3  "ESVD"          bytes 4–7  version (u32)      bytes 8–11  header length H (u32)
 *   12 … 12+H  header, UTF-8 JSON: { algorithm, options, factors, globalMean, users, items }
 *   then, from the next multiple of 4: userIds (Int32 × users), itemIds (Int32 × items),
 *   userBias (Float32 × users), itemBias (Float32 × items), userFactors (Float32 × users·k),
 *   itemFactors (Float32 × items·k), exactly filling the rest.
 *
 * Numbers are little-endian. The arrays are copied as bytes, which is only right on a
 * little-endian machine (every platform Electron ships for); a big-endian one throws.
 */
export const modelFormatVersion = 1;
const magic = [0x45, 0x53, 0x56, 0x44];

export type ModelCodecErrorCode = 'not-a-model' | 'unsupported-version' | 'corrupt';

/** A payload that is not a model this version can read. */
export class ModelCodecError extends Error {
  readonly code: ModelCodecErrorCode;

  constructor(code: ModelCodecErrorCode, message: string) {
    super(message);
    this.name = 'ModelCodecError';
    this.code = code;
  }
}

interface Header {
  algorithm: 'svd';
  options: ResolvedSvdOptions;
  factors: number;
  globalMean: number;
  users: number;
  items: number;
}

function assertLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
    throw new RangeError('model payloads are little-endian; this machine is big-endian');
  }
}

function sectionsOf(model: SvdModel): ArrayBufferView[] {
  return [
    model.userIds,
    model.itemIds,
    model.userBias,
    model.itemBias,
    model.userFactors,
    model.itemFactors,
  ];
}

/** Encodes `model` as described above. */
export function encodeModel(model: SvdModel): Uint8Array {
  assertLittleEndian();
  const header: Header = {
    algorithm: model.algorithm,
    options: model.options,
    factors: model.factors,
    globalMean: model.globalMean,
    users: model.userIds.length,
    items: model.itemIds.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((12 + json.length) / 4) * 4;
  const sections = sectionsOf(model);
  const total = sections.reduce((sum, view) => sum + view.byteLength, dataStart);
  const payload = new Uint8Array(total);
  payload.set(magic, 0);
  const view = new DataView(payload.buffer);
  view.setUint32(4, modelFormatVersion, true);
  view.setUint32(8, json.length, true);
  payload.set(json, 12);
  let offset = dataStart;
  for (const section of sections) {
    payload.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset);
    offset += section.byteLength;
  }
  return payload;
}
