import { ModelCodecError } from './model-codec-error.ts';

/**
 * The envelope every stored model shares (format version 1):
 *
 *   bytes 0–3  magic (4 ASCII letters)   bytes 4–7  version (u32)   bytes 8–11  header length H
 *   12 … 12+H  header, UTF-8 JSON; then, from the next multiple of 4, the typed arrays' bytes
 *   back to back, exactly filling the rest.
 *
 * Numbers are little-endian. Arrays are copied as bytes, which is only right on a little-endian
 * machine (every platform Electron ships for); a big-endian one throws.
 */
const payloadFormatVersion = 1;

function assertLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) {
    throw new RangeError('model payloads are little-endian; this machine is big-endian');
  }
}

/** Writes `header` and `sections` behind `magic`. */
export function encodePayload(
  magic: string,
  header: object,
  sections: readonly ArrayBufferView[],
): Uint8Array {
  assertLittleEndian();
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((12 + json.length) / 4) * 4;
  const total = sections.reduce((sum, view) => sum + view.byteLength, dataStart);
  const payload = new Uint8Array(total);
  payload.set(new TextEncoder().encode(magic), 0);
  const view = new DataView(payload.buffer);
  view.setUint32(4, payloadFormatVersion, true);
  view.setUint32(8, json.length, true);
  payload.set(json, 12);
  let offset = dataStart;
  for (const section of sections) {
    payload.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset);
    offset += section.byteLength;
  }
  return payload;
}

/** A decoded envelope: the parsed header and a reader that copies the sections out in order. */
export interface PayloadReader {
  readonly header: unknown;
  /** Bytes after the header, to check against the sizes the header promises. */
  readonly dataBytes: number;
  /** The next `bytes` bytes as a fresh buffer (aligned, independent of the payload). */
  take(bytes: number): ArrayBuffer;
}

/** Opens an envelope of `magic`; throws {@link ModelCodecError} for anything else. */
export function decodePayload(payload: Uint8Array, magic: string, what: string): PayloadReader {
  const expected = new TextEncoder().encode(magic);
  if (payload.length < 12 || expected.some((byte, at) => payload[at] !== byte)) {
    throw new ModelCodecError('not-a-model', `payload is not an Earshot ${what}`);
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const version = view.getUint32(4, true);
  if (version !== payloadFormatVersion) {
    throw new ModelCodecError(
      'unsupported-version',
      `model format ${version} is not ${payloadFormatVersion}`,
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
  const dataStart = Math.ceil((12 + length) / 4) * 4;
  let offset = payload.byteOffset + dataStart;
  return {
    header,
    dataBytes: payload.length - dataStart,
    take(bytes) {
      const copy = payload.buffer.slice(offset, offset + bytes) as ArrayBuffer;
      offset += bytes;
      return copy;
    },
  };
}
