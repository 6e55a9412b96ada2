/**
 * The few pieces of the WebAssembly binary format (core spec §5) that the hand-written kernels
 * need: LEB128 numbers, sections, and named opcodes. Kernels are written as arrays of these
 * bytes in TypeScript, so the .wasm is built from our own source at load time, no tool needed.
 */

/** Unsigned LEB128. */
export function u32(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128 for 32-bit integers. */
function s32(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

export function utf8Name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...u32(bytes.length), ...bytes];
}

/** A vector: its length, then its items. */
export function vector(items: readonly number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

export function section(id: number, content: readonly number[]): number[] {
  return [id, ...u32(content.length), ...content];
}

export const valueType = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;

export const sectionId = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  export: 7,
  code: 10,
} as const;

export const moduleHeader = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** `local.get n` and friends. */
export const get = (index: number): number[] => [0x20, ...u32(index)];
export const set = (index: number): number[] => [0x21, ...u32(index)];
export const tee = (index: number): number[] => [0x22, ...u32(index)];

export function f32Const(value: number): number[] {
  const bytes = new Uint8Array(new Float32Array([value]).buffer);
  return [0x43, ...bytes];
}

export function f64Const(value: number): number[] {
  const bytes = new Uint8Array(new Float64Array([value]).buffer);
  return [0x44, ...bytes];
}

const simd = (opcode: number): number[] => [0xfd, ...u32(opcode)];

/** Opcodes without immediates, and those with a fixed memory argument (align, offset 0). */
export const op = {
  end: [0x0b],
  i32Load: [0x28, 2, 0],
  f32Load: [0x2a, 2, 0],
  f32Store: [0x38, 2, 0],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  f32Add: [0x92],
  f32Sub: [0x93],
  f32Mul: [0x94],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  f64PromoteF32: [0xbb],
  v128Load: [...simd(0x00), 4, 0],
  v128Store: [...simd(0x0b), 4, 0],
  f32x4Splat: simd(0x13),
  f32x4Add: simd(0xe4),
  f32x4Mul: simd(0xe6),
} as const;

export const i32Const = (value: number): number[] => [0x41, ...s32(value)];
export const v128Zero = (): number[] => [...simd(0x0c), ...new Array<number>(16).fill(0)];
export const f32x4ExtractLane = (lane: number): number[] => [...simd(0x1f), lane];
/** `block` / `loop` with no result; `br_if` / `br` to an enclosing label by depth. */
export const block = [0x02, 0x40];
export const loop = [0x03, 0x40];
export const brIf = (depth: number): number[] => [0x0d, ...u32(depth)];
export const br = (depth: number): number[] => [0x0c, ...u32(depth)];
