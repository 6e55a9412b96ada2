import type { WasmMemory, WasmModule } from './wasm-runtime.ts';
import { compileModule, instantiate } from './wasm-runtime.ts';
import {
  block,
  br,
  brIf,
  f32Const,
  f32x4ExtractLane,
  f64Const,
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
 * One epoch of SGD over `count` ratings, in WebAssembly SIMD (f32x4), with Surprise's update:
 *
 *   e = r − (μ + b_u + b_i + q_i·p_u)
 *   b_u ← b_u + γ_bu (e − λ_bu b_u);   b_i ← b_i + γ_bi (e − λ_bi b_i)
 *   p_u ← p_u + γ_pu (e q_i − λ_pu p_u); q_i ← q_i + γ_qi (e p_u − λ_qi q_i)  (old p_u, old q_i)
 *
 * written as p_u(1 − γ_pu λ_pu) + (γ_pu e) q_i so each lane costs two multiplies and an add.
 * All arguments are byte addresses into the memory except the counts and scalars. Factor rows
 * are `strideBytes` apart (a multiple of 16; padding lanes hold 0 and stay 0). Returns Σ e².
 */
export type SgdEpoch = (
  users: number,
  items: number,
  ratings: number,
  count: number,
  userBias: number,
  itemBias: number,
  userFactors: number,
  itemFactors: number,
  strideBytes: number,
  mu: number,
  lrBu: number,
  lrBi: number,
  lrPu: number,
  lrQi: number,
  regBu: number,
  regBi: number,
  regPu: number,
  regQi: number,
) => number;

// Parameters, in the order above.
const P = { users: 0, items: 1, ratings: 2, count: 3, userBias: 4, itemBias: 5 } as const;
const F = { userFactors: 6, itemFactors: 7, strideBytes: 8, mu: 9, lrBu: 10, lrBi: 11 } as const;
const G = { lrPu: 12, lrQi: 13, regBu: 14, regBi: 15, regPu: 16, regQi: 17 } as const;
// Locals: 8 × i32, 3 × f32, 1 × f64, 7 × v128.
const L = { at: 18, end: 19, user: 20, item: 21, pRow: 22, qRow: 23, f: 24, biasAt: 25 } as const;
const M = { err: 26, bias: 27, dot: 28, sse: 29 } as const;
const V = { acc: 30, stepP: 31, shrinkP: 32, stepQ: 33, shrinkQ: 34, p: 35, q: 36 } as const;

const splat = (...value: (readonly number[])[]): number[] => [...value.flat(), ...op.f32x4Splat];
/** `1 − γ λ` as an f32 on the stack. */
// prettier-ignore
const shrink = (lr: number, reg: number): number[] => [
  ...f32Const(1), ...get(lr), ...get(reg), ...op.f32Mul, ...op.f32Sub,
];

/** b ← b + γ (e − λ b) for the bias whose byte address is in local `biasAt`. */
// prettier-ignore
function biasStep(lr: number, reg: number): number[] {
  return [
    ...get(L.biasAt), ...get(L.biasAt), ...op.f32Load, ...set(M.bias),
    ...get(M.bias), ...get(lr), ...get(M.err), ...get(reg), ...get(M.bias), ...op.f32Mul,
    ...op.f32Sub, ...op.f32Mul, ...op.f32Add, ...op.f32Store,
  ];
}

/** acc = Σ_f p_u[f] q_i[f], then the four lanes summed into `dot`. */
// prettier-ignore
const dotProduct = [
  ...v128Zero(), ...set(V.acc), ...i32Const(0), ...set(L.f),
  ...loop,
  ...get(V.acc),
  ...get(L.pRow), ...get(L.f), ...op.i32Add, ...op.v128Load,
  ...get(L.qRow), ...get(L.f), ...op.i32Add, ...op.v128Load,
  ...op.f32x4Mul, ...op.f32x4Add, ...set(V.acc),
  ...get(L.f), ...i32Const(16), ...op.i32Add, ...tee(L.f), ...get(F.strideBytes), ...op.i32LtU,
  ...brIf(0), ...op.end,
  ...get(V.acc), ...f32x4ExtractLane(0), ...get(V.acc), ...f32x4ExtractLane(1), ...op.f32Add,
  ...get(V.acc), ...f32x4ExtractLane(2), ...get(V.acc), ...f32x4ExtractLane(3), ...op.f32Add,
  ...op.f32Add, ...set(M.dot),
];

/** p ← p(1 − γ_pu λ_pu) + (γ_pu e) q and q ← q(1 − γ_qi λ_qi) + (γ_qi e) p, four lanes a step. */
// prettier-ignore
const factorStep = [
  ...splat(get(G.lrPu), get(M.err), op.f32Mul), ...set(V.stepP),
  ...splat(get(G.lrQi), get(M.err), op.f32Mul), ...set(V.stepQ),
  ...i32Const(0), ...set(L.f),
  ...loop,
  ...get(L.pRow), ...get(L.f), ...op.i32Add, ...op.v128Load, ...set(V.p),
  ...get(L.qRow), ...get(L.f), ...op.i32Add, ...op.v128Load, ...set(V.q),
  ...get(L.pRow), ...get(L.f), ...op.i32Add,
  ...get(V.p), ...get(V.shrinkP), ...op.f32x4Mul, ...get(V.stepP), ...get(V.q), ...op.f32x4Mul,
  ...op.f32x4Add, ...op.v128Store,
  ...get(L.qRow), ...get(L.f), ...op.i32Add,
  ...get(V.q), ...get(V.shrinkQ), ...op.f32x4Mul, ...get(V.stepQ), ...get(V.p), ...op.f32x4Mul,
  ...op.f32x4Add, ...op.v128Store,
  ...get(L.f), ...i32Const(16), ...op.i32Add, ...tee(L.f), ...get(F.strideBytes), ...op.i32LtU,
  ...brIf(0), ...op.end,
];

/** Loads the dense index at `arrayParam[at]` and sets the row address and bias address. */
// prettier-ignore
function locate(arrayParam: number, index: number, factors: number, row: number): number[] {
  return [
    ...get(arrayParam), ...get(L.at), ...op.i32Add, ...op.i32Load, ...set(index),
    ...get(factors), ...get(index), ...get(F.strideBytes), ...op.i32Mul, ...op.i32Add, ...set(row),
  ];
}

// prettier-ignore
const biasAddress = (base: number, index: number): number[] => [
  ...get(base), ...get(index), ...i32Const(2), ...op.i32Shl, ...op.i32Add, ...set(L.biasAt),
];

// prettier-ignore
const body = [
  ...get(P.count), ...i32Const(2), ...op.i32Shl, ...set(L.end),
  ...splat(shrink(G.lrPu, G.regPu)), ...set(V.shrinkP),
  ...splat(shrink(G.lrQi, G.regQi)), ...set(V.shrinkQ),
  ...f64Const(0), ...set(M.sse),
  ...block, ...loop,
  ...get(L.at), ...get(L.end), ...op.i32GeU, ...brIf(1),
  ...locate(P.users, L.user, F.userFactors, L.pRow),
  ...locate(P.items, L.item, F.itemFactors, L.qRow),
  ...dotProduct,
  // e = r − (((μ + b_u) + b_i) + dot)
  ...get(P.ratings), ...get(L.at), ...op.i32Add, ...op.f32Load,
  ...get(F.mu),
  ...get(P.userBias), ...get(L.user), ...i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.f32Load,
  ...op.f32Add,
  ...get(P.itemBias), ...get(L.item), ...i32Const(2), ...op.i32Shl, ...op.i32Add, ...op.f32Load,
  ...op.f32Add, ...get(M.dot), ...op.f32Add, ...op.f32Sub, ...set(M.err),
  ...get(M.sse), ...get(M.err), ...op.f64PromoteF32, ...get(M.err), ...op.f64PromoteF32,
  ...op.f64Mul, ...op.f64Add, ...set(M.sse),
  ...biasAddress(P.userBias, L.user), ...biasStep(F.lrBu, G.regBu),
  ...biasAddress(P.itemBias, L.item), ...biasStep(F.lrBi, G.regBi),
  ...factorStep,
  ...get(L.at), ...i32Const(4), ...op.i32Add, ...set(L.at),
  ...br(0), ...op.end, ...op.end,
  ...get(M.sse), ...op.end,
];

/** The module's bytes: imports env.memory (shared or not), exports `sgdEpoch`. */
export function sgdModuleBytes(shared: boolean): Uint8Array {
  const { i32, f32, f64, v128 } = valueType;
  const params = [...new Array<number>(9).fill(i32), ...new Array<number>(9).fill(f32)];
  const funcType = [0x60, ...u32(params.length), ...params, ...u32(1), f64];
  const limits = shared ? [0x03, ...u32(1), ...u32(65536)] : [0x00, ...u32(1)];
  const memoryImport = [...utf8Name('env'), ...utf8Name('memory'), 0x02, ...limits];
  const locals = vector([
    [...u32(8), i32],
    [...u32(3), f32],
    [...u32(1), f64],
    [...u32(7), v128],
  ]);
  const code = [...locals, ...body];
  return new Uint8Array([
    ...moduleHeader,
    ...section(sectionId.type, vector([funcType])),
    ...section(sectionId.import, vector([memoryImport])),
    ...section(sectionId.function, vector([u32(0)])),
    ...section(sectionId.export, vector([[...utf8Name('sgdEpoch'), 0x00, ...u32(0)]])),
    ...section(sectionId.code, vector([[...u32(code.length), ...code]])),
  ]);
}

const compiled = new Map<boolean, WasmModule>();

/** The kernel bound to `memory`. Compiles the module once per process and kind of memory. */
export function loadSgdKernel(memory: WasmMemory, shared: boolean): SgdEpoch {
  let module = compiled.get(shared);
  if (module === undefined) {
    module = compileModule(sgdModuleBytes(shared));
    compiled.set(shared, module);
  }
  return instantiate(module, memory).sgdEpoch as SgdEpoch;
}
