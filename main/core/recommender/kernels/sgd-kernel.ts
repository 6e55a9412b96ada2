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
  op,
  set,
  tee,
  v128Zero,
} from './wasm-encoding.ts';
import { WasmFunction } from './wasm-function.ts';
import { singleFunctionModule } from './wasm-module.ts';

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

/** Parameters (in SgdEpoch's order) and locals, by name. */
function declare(fn: WasmFunction) {
  // prettier-ignore
  const params = fn.params({
    users: 'i32', items: 'i32', ratings: 'i32', count: 'i32',
    userBias: 'i32', itemBias: 'i32', userFactors: 'i32', itemFactors: 'i32',
    strideBytes: 'i32', mu: 'f32', lrBu: 'f32', lrBi: 'f32', lrPu: 'f32', lrQi: 'f32',
    regBu: 'f32', regBi: 'f32', regPu: 'f32', regQi: 'f32',
  });
  const locals = fn.locals({
    at: 'i32', // byte offset of the current rating in users, items and ratings: 4r
    end: 'i32', // 4 · count
    user: 'i32', // dense index u
    item: 'i32', // dense index i
    userRow: 'i32', // byte address of p_u
    itemRow: 'i32', // byte address of q_i
    f: 'i32', // byte offset of the current four lanes in a row
    biasAt: 'i32', // byte address of the bias being updated
    err: 'f32', // e
    bias: 'f32', // the old value of that bias
    dot: 'f32', // q_i·p_u
    sse: 'f64', // Σ e², in double so a million terms lose nothing
    acc: 'v128', // four partial sums of q_i·p_u
    userStep: 'v128', // γ_pu e in every lane
    userShrink: 'v128', // 1 − γ_pu λ_pu in every lane
    itemStep: 'v128', // γ_qi e
    itemShrink: 'v128', // 1 − γ_qi λ_qi
    userLanes: 'v128', // four lanes of the old p_u
    itemLanes: 'v128', // four lanes of the old q_i
  });
  return { ...params, ...locals };
}
type Names = ReturnType<typeof declare>;
type Code = (readonly number[])[];

const splat = (...value: Code): Code => [...value, op.f32x4Splat];

/** `1 − γ λ` as an f32 on the stack. */
// prettier-ignore
const shrink = (lr: number, reg: number): Code => [
  f32Const(1), get(lr), get(reg), op.f32Mul, op.f32Sub,
];

/** b ← b + γ (e − λ b) for the bias whose byte address is in `biasAt`. */
// prettier-ignore
const biasStep = (v: Names, lr: number, reg: number): Code => [
  get(v.biasAt), get(v.biasAt), op.f32Load, set(v.bias),
  get(v.bias), get(lr), get(v.err), get(reg), get(v.bias), op.f32Mul,
  op.f32Sub, op.f32Mul, op.f32Add, op.f32Store,
];

/** acc = Σ_f p_u[f] q_i[f], then the four lanes summed into `dot`. */
// prettier-ignore
const dotProduct = (v: Names): Code => [
  v128Zero(), set(v.acc), i32Const(0), set(v.f),
  loop,
  get(v.acc),
  get(v.userRow), get(v.f), op.i32Add, op.v128Load,
  get(v.itemRow), get(v.f), op.i32Add, op.v128Load,
  op.f32x4Mul, op.f32x4Add, set(v.acc),
  get(v.f), i32Const(16), op.i32Add, tee(v.f), get(v.strideBytes), op.i32LtU,
  brIf(0), op.end,
  get(v.acc), f32x4ExtractLane(0), get(v.acc), f32x4ExtractLane(1), op.f32Add,
  get(v.acc), f32x4ExtractLane(2), get(v.acc), f32x4ExtractLane(3), op.f32Add,
  op.f32Add, set(v.dot),
];

/** p ← p(1 − γ_pu λ_pu) + (γ_pu e) q and q ← q(1 − γ_qi λ_qi) + (γ_qi e) p, four lanes a step. */
// prettier-ignore
const factorStep = (v: Names): Code => [
  ...splat(get(v.lrPu), get(v.err), op.f32Mul), set(v.userStep),
  ...splat(get(v.lrQi), get(v.err), op.f32Mul), set(v.itemStep),
  i32Const(0), set(v.f),
  loop,
  get(v.userRow), get(v.f), op.i32Add, op.v128Load, set(v.userLanes),
  get(v.itemRow), get(v.f), op.i32Add, op.v128Load, set(v.itemLanes),
  get(v.userRow), get(v.f), op.i32Add,
  get(v.userLanes), get(v.userShrink), op.f32x4Mul, get(v.userStep), get(v.itemLanes), op.f32x4Mul,
  op.f32x4Add, op.v128Store,
  get(v.itemRow), get(v.f), op.i32Add,
  get(v.itemLanes), get(v.itemShrink), op.f32x4Mul, get(v.itemStep), get(v.userLanes), op.f32x4Mul,
  op.f32x4Add, op.v128Store,
  get(v.f), i32Const(16), op.i32Add, tee(v.f), get(v.strideBytes), op.i32LtU,
  brIf(0), op.end,
];

/** Loads the dense index at `array[at]` into `index` and the address of its row into `row`. */
// prettier-ignore
const locate = (v: Names, array: number, index: number, factors: number, row: number): Code => [
  get(array), get(v.at), op.i32Add, op.i32Load, set(index),
  get(factors), get(index), get(v.strideBytes), op.i32Mul, op.i32Add, set(row),
];

/** The byte address of element `index` of the Float32 array at `base`: base + 4·index. */
// prettier-ignore
const elementAddress = (base: number, index: number): Code => [
  get(base), get(index), i32Const(2), op.i32Shl, op.i32Add,
];

// prettier-ignore
function sgdEpochFunction(): WasmFunction {
  const fn = new WasmFunction('sgdEpoch', ['f64']);
  const v = declare(fn);
  fn.emit(
    get(v.count), i32Const(2), op.i32Shl, set(v.end),
    ...splat(...shrink(v.lrPu, v.regPu)), set(v.userShrink),
    ...splat(...shrink(v.lrQi, v.regQi)), set(v.itemShrink),
    f64Const(0), set(v.sse),
    block, loop,
    get(v.at), get(v.end), op.i32GeU, brIf(1),
    ...locate(v, v.users, v.user, v.userFactors, v.userRow),
    ...locate(v, v.items, v.item, v.itemFactors, v.itemRow),
    ...dotProduct(v),
    // e = r − (((μ + b_u) + b_i) + dot)
    get(v.ratings), get(v.at), op.i32Add, op.f32Load,
    get(v.mu),
    ...elementAddress(v.userBias, v.user), op.f32Load, op.f32Add,
    ...elementAddress(v.itemBias, v.item), op.f32Load, op.f32Add,
    get(v.dot), op.f32Add, op.f32Sub, set(v.err),
    get(v.sse), get(v.err), op.f64PromoteF32, get(v.err), op.f64PromoteF32,
    op.f64Mul, op.f64Add, set(v.sse),
    ...elementAddress(v.userBias, v.user), set(v.biasAt), ...biasStep(v, v.lrBu, v.regBu),
    ...elementAddress(v.itemBias, v.item), set(v.biasAt), ...biasStep(v, v.lrBi, v.regBi),
    ...factorStep(v),
    get(v.at), i32Const(4), op.i32Add, set(v.at),
    br(0), op.end, op.end,
    get(v.sse),
  );
  return fn;
}

/** The module's bytes: imports env.memory (shared or not), exports `sgdEpoch`. */
export function sgdModuleBytes(shared: boolean): Uint8Array {
  return singleFunctionModule('sgd_kernel', sgdEpochFunction(), { shared });
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
