import { describe, expect, it } from 'vitest';
import {
  get,
  op,
  tee,
  valueType,
} from '../../../../main/core/recommender/kernels/wasm-encoding.ts';
import { WasmFunction } from '../../../../main/core/recommender/kernels/wasm-function.ts';
import { singleFunctionModule } from '../../../../main/core/recommender/kernels/wasm-module.ts';
import {
  compileModule,
  createMemory,
  instantiate,
} from '../../../../main/core/recommender/kernels/wasm-runtime.ts';

describe('WasmFunction', () => {
  it('numbers parameters first, then locals, in declaration order', () => {
    const fn = new WasmFunction('numbered', []);
    const p = fn.params({ first: 'i32', second: 'f32' });
    const row = fn.local('i32', 'row');
    const more = fn.locals({ lanes: 'v128', total: 'f64' });
    expect([p.first, p.second, row, more.lanes, more.total]).toEqual([0, 1, 2, 3, 4]);
  });

  it('declares locals as runs of one type, in order', () => {
    const fn = new WasmFunction('runs', []);
    fn.locals({ a: 'i32', b: 'i32', c: 'f32', d: 'i32' });
    const { i32, f32 } = valueType;
    // size, then 3 runs: 2 × i32, 1 × f32, 1 × i32; then the closing `end`.
    expect(fn.codeBytes()).toEqual([8, 3, 2, i32, 1, f32, 1, i32, 0x0b]);
  });

  it('refuses parameters after locals, a name used twice and a name the listing cannot print', () => {
    const fn = new WasmFunction('strict', []);
    fn.local('i32', 'at');
    expect(() => fn.params({ late: 'i32' })).toThrow(/strict: parameters must be declared before/);
    expect(() => fn.local('f32', 'at')).toThrow(/"at" is declared twice/);
    expect(() => fn.local('f32', 'user row')).toThrow(/"user row" is not a plain identifier/);
    expect(() => new WasmFunction('9lives', [])).toThrow(RangeError);
  });

  it('builds a module that runs, exported under the function name', () => {
    const fn = new WasmFunction('doubledSum', ['f32']);
    const p = fn.params({ left: 'f32', right: 'f32' });
    const sum = fn.local('f32', 'sum');
    fn.emit(get(p.left), get(p.right), op.f32Add, tee(sum), get(sum), op.f32Add);
    const bytes = singleFunctionModule('test_module', fn, { shared: false });
    const exports = instantiate(compileModule(bytes), createMemory(1, false));
    const doubledSum = exports.doubledSum as (left: number, right: number) => number;
    expect(doubledSum(1.5, 2)).toBe(7);
  });

  it('names the failing function when the engine rejects a body', () => {
    const fn = new WasmFunction('mixesTypes', ['f32']);
    const p = fn.params({ count: 'i32', scale: 'f32' });
    fn.emit(get(p.count), get(p.scale), op.f32Add);
    const bytes = singleFunctionModule('broken', fn, { shared: false });
    expect(() => compileModule(bytes)).toThrow(/"mixesTypes" failed: f32\.add/);
  });
});
