import type { WasmMemory, WasmModule } from './wasm-runtime.ts';
import { compileModule, instantiate } from './wasm-runtime.ts';
import {
  block,
  br,
  brIf,
  f32x4ExtractLane,
  get,
  i32Const,
  loop,
  moduleHeader,
  op,
  section,
  sectionId,
  set,
  tee,
  u32,
  utf8Name,
  v128Zero,
  valueType,
  vector,
} from './wasm-encoding.ts';

/**
 * Scores every item against one user vector, in WebAssembly SIMD:
 *   out[i] = base + b_i + q_i·p      for i in 0 … count−1,
 * with q rows `strideBytes` apart (a multiple of 16, zero padding) starting at `itemFactors`,
 * b_i and out as Float32 arrays, p a padded row. Arguments are byte addresses except count,
 * stride and base.
 */
export type ScoreItems = (
  itemFactors: number,
  itemBias: number,
  count: number,
  strideBytes: number,
  user: number,
  out: number,
  base: number,
) => void;

const P = { itemFactors: 0, itemBias: 1, count: 2, strideBytes: 3, user: 4, out: 5, base: 6 };
const L = { at: 7, end: 8, row: 9, f: 10, acc: 11 };

// prettier-ignore
const body = [
  ...get(P.count), ...i32Const(2), ...op.i32Shl, ...set(L.end),
  ...get(P.itemFactors), ...set(L.row),
  ...block, ...loop,
  ...get(L.at), ...get(L.end), ...op.i32GeU, ...brIf(1),
  ...v128Zero(), ...set(L.acc), ...i32Const(0), ...set(L.f),
  ...loop,
  ...get(L.acc),
  ...get(L.row), ...get(L.f), ...op.i32Add, ...op.v128Load,
  ...get(P.user), ...get(L.f), ...op.i32Add, ...op.v128Load,
  ...op.f32x4Mul, ...op.f32x4Add, ...set(L.acc),
  ...get(L.f), ...i32Const(16), ...op.i32Add, ...tee(L.f), ...get(P.strideBytes), ...op.i32LtU,
  ...brIf(0), ...op.end,
  // out[i] = (base + b_i) + ((a0 + a1) + (a2 + a3))
  ...get(P.out), ...get(L.at), ...op.i32Add,
  ...get(P.base), ...get(P.itemBias), ...get(L.at), ...op.i32Add, ...op.f32Load, ...op.f32Add,
  ...get(L.acc), ...f32x4ExtractLane(0), ...get(L.acc), ...f32x4ExtractLane(1), ...op.f32Add,
  ...get(L.acc), ...f32x4ExtractLane(2), ...get(L.acc), ...f32x4ExtractLane(3), ...op.f32Add,
  ...op.f32Add, ...op.f32Add, ...op.f32Store,
  ...get(L.row), ...get(P.strideBytes), ...op.i32Add, ...set(L.row),
  ...get(L.at), ...i32Const(4), ...op.i32Add, ...set(L.at),
  ...br(0), ...op.end, ...op.end,
  ...op.end,
];

export function scoreModuleBytes(): Uint8Array {
  const { i32, f32, v128 } = valueType;
  const funcType = [0x60, ...u32(7), i32, i32, i32, i32, i32, i32, f32, ...u32(0)];
  const memoryImport = [...utf8Name('env'), ...utf8Name('memory'), 0x02, 0x00, ...u32(1)];
  const locals = vector([
    [...u32(4), i32],
    [...u32(1), v128],
  ]);
  const code = [...locals, ...body];
  return new Uint8Array([
    ...moduleHeader,
    ...section(sectionId.type, vector([funcType])),
    ...section(sectionId.import, vector([memoryImport])),
    ...section(sectionId.function, vector([u32(0)])),
    ...section(sectionId.export, vector([[...utf8Name('scoreItems'), 0x00, ...u32(0)]])),
    ...section(sectionId.code, vector([[...u32(code.length), ...code]])),
  ]);
}

let compiled: WasmModule | undefined;

/** The kernel bound to `memory`; the module is compiled once per process. */
export function loadScoreKernel(memory: WasmMemory): ScoreItems {
  compiled ??= compileModule(scoreModuleBytes());
  return instantiate(compiled, memory).scoreItems as ScoreItems;
}
