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
  op,
  set,
  tee,
  v128Zero,
} from './wasm-encoding.ts';
import { WasmFunction } from './wasm-function.ts';
import { singleFunctionModule } from './wasm-module.ts';

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

function scoreItemsFunction(): WasmFunction {
  const fn = new WasmFunction('scoreItems', []);
  // The same order as ScoreItems' arguments.
  const p = fn.params({
    itemFactors: 'i32',
    itemBias: 'i32',
    count: 'i32',
    strideBytes: 'i32',
    user: 'i32',
    out: 'i32',
    base: 'f32',
  });
  const at = fn.local('i32', 'at'); // byte offset of item i in b_i and out: 4i
  const end = fn.local('i32', 'end'); // 4 · count
  const row = fn.local('i32', 'row'); // byte address of q_i
  const f = fn.local('i32', 'f'); // byte offset of the current four lanes in a row
  const acc = fn.local('v128', 'acc'); // four partial sums of q_i·p

  // prettier-ignore
  fn.emit(
    get(p.count), i32Const(2), op.i32Shl, set(end),
    get(p.itemFactors), set(row),
    block, loop,
    get(at), get(end), op.i32GeU, brIf(1),
    v128Zero(), set(acc), i32Const(0), set(f),
    loop,
    get(acc),
    get(row), get(f), op.i32Add, op.v128Load,
    get(p.user), get(f), op.i32Add, op.v128Load,
    op.f32x4Mul, op.f32x4Add, set(acc),
    get(f), i32Const(16), op.i32Add, tee(f), get(p.strideBytes), op.i32LtU,
    brIf(0), op.end,
    // out[i] = (base + b_i) + ((a0 + a1) + (a2 + a3))
    get(p.out), get(at), op.i32Add,
    get(p.base), get(p.itemBias), get(at), op.i32Add, op.f32Load, op.f32Add,
    get(acc), f32x4ExtractLane(0), get(acc), f32x4ExtractLane(1), op.f32Add,
    get(acc), f32x4ExtractLane(2), get(acc), f32x4ExtractLane(3), op.f32Add,
    op.f32Add, op.f32Add, op.f32Store,
    get(row), get(p.strideBytes), op.i32Add, set(row),
    get(at), i32Const(4), op.i32Add, set(at),
    br(0), op.end, op.end,
  );
  return fn;
}

/** The module's bytes: imports env.memory, exports `scoreItems`. */
export function scoreModuleBytes(): Uint8Array {
  return singleFunctionModule('score_kernel', scoreItemsFunction(), { shared: false });
}

let compiled: WasmModule | undefined;

/** The kernel bound to `memory`; the module is compiled once per process. */
export function loadScoreKernel(memory: WasmMemory): ScoreItems {
  compiled ??= compileModule(scoreModuleBytes());
  return instantiate(compiled, memory).scoreItems as ScoreItems;
}
