import type { IndexedRatings } from './indexed-ratings.ts';
import type { SgdEpoch } from './sgd-kernel.ts';
import { loadSgdKernel } from './sgd-kernel.ts';
import type { SvdModel } from './svd-model.ts';
import type { ResolvedSvdOptions } from './svd-options.ts';
import type { SvdTrainer } from './svd-trainer.ts';
import { initialiseFactors } from './svd-trainer.ts';
import type { VisitingOrder } from './visiting-order.ts';
import { createMemory } from './wasm-runtime.ts';
import type { WasmMemory } from './wasm-runtime.ts';

/**
 * Where everything lives in the kernel's memory (byte offsets, each 16-byte aligned):
 * the ratings in visiting order as three parallel arrays (dense user Int32, dense item Int32,
 * stars Float32), then b_u, b_i (Float32), then p and q as Float32 rows of `stride` floats,
 * `stride` = k rounded up to a multiple of 4 so every row is whole f32x4 lanes.
 */
export interface KernelLayout {
  readonly count: number;
  readonly userCount: number;
  readonly itemCount: number;
  readonly stride: number;
  readonly users: number;
  readonly items: number;
  readonly ratings: number;
  readonly userBias: number;
  readonly itemBias: number;
  readonly userFactors: number;
  readonly itemFactors: number;
  readonly bytes: number;
}

const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

export function planLayout(data: IndexedRatings, factors: number): KernelLayout {
  const count = data.ratings.length;
  const userCount = data.userIds.length;
  const itemCount = data.itemIds.length;
  const stride = Math.ceil(factors / 4) * 4;
  const users = 0;
  const items = users + align16(count * 4);
  const ratings = items + align16(count * 4);
  const userBias = ratings + align16(count * 4);
  const itemBias = userBias + align16(userCount * 4);
  const userFactors = itemBias + align16(itemCount * 4);
  const itemFactors = userFactors + userCount * stride * 4;
  const bytes = itemFactors + itemCount * stride * 4;
  return {
    count,
    userCount,
    itemCount,
    stride,
    users,
    items,
    ratings,
    userBias,
    itemBias,
    userFactors,
    itemFactors,
    bytes,
  };
}

/** Typed-array views of a layout's regions in `memory`. */
export function viewsOf(memory: WasmMemory, layout: KernelLayout) {
  const { buffer } = memory;
  return {
    users: new Int32Array(buffer, layout.users, layout.count),
    items: new Int32Array(buffer, layout.items, layout.count),
    ratings: new Float32Array(buffer, layout.ratings, layout.count),
    userBias: new Float32Array(buffer, layout.userBias, layout.userCount),
    itemBias: new Float32Array(buffer, layout.itemBias, layout.itemCount),
    userFactors: new Float32Array(buffer, layout.userFactors, layout.userCount * layout.stride),
    itemFactors: new Float32Array(buffer, layout.itemFactors, layout.itemCount * layout.stride),
  };
}

/** Copies rows of `stride` floats into a dense row-major array of `k` floats per row. */
export function unpadRows(
  padded: Float32Array,
  rows: number,
  stride: number,
  k: number,
): Float32Array {
  if (stride === k) return padded.slice();
  const dense = new Float32Array(rows * k);
  for (let row = 0; row < rows; row++) {
    dense.set(padded.subarray(row * stride, row * stride + k), row * k);
  }
  return dense;
}

/**
 * The fast SVD: single-precision factors in WebAssembly memory, the epoch run by the SIMD
 * kernel of sgd-kernel.ts over ratings laid out in visiting order. Same update, same initial
 * draws and same order as the reference; only the arithmetic (f32, four-lane dot products)
 * differs.
 */
export function createFastSvdTrainer(
  data: IndexedRatings,
  options: ResolvedSvdOptions,
  visiting: VisitingOrder = 'cache-blocked',
): SvdTrainer {
  const layout = planLayout(data, options.factors);
  const memory = createMemory(layout.bytes, false);
  const views = viewsOf(memory, layout);
  const { order } = initialiseFactors(data, options, views, layout.stride, visiting);
  for (let position = 0; position < order.length; position++) {
    const r = order[position];
    views.users[position] = data.users[r];
    views.items[position] = data.items[r];
    views.ratings[position] = data.ratings[r];
  }
  const kernel = loadSgdKernel(memory, false);
  let epochsDone = 0;
  return {
    epochs: options.epochs,
    get epochsDone() {
      return epochsDone;
    },
    runEpoch() {
      const sse = runKernel(kernel, layout, data.globalMean, options, 0, layout.count);
      epochsDone++;
      return Math.sqrt(sse / layout.count);
    },
    toModel: () => modelFromViews(data, options, layout, views),
  };
}

/** Runs the kernel over ratings [start, start + count) of the layout; returns Σe². */
export function runKernel(
  kernel: SgdEpoch,
  layout: KernelLayout,
  globalMean: number,
  options: ResolvedSvdOptions,
  start: number,
  count: number,
): number {
  const biased = options.biased;
  return kernel(
    layout.users + start * 4,
    layout.items + start * 4,
    layout.ratings + start * 4,
    count,
    layout.userBias,
    layout.itemBias,
    layout.userFactors,
    layout.itemFactors,
    layout.stride * 4,
    biased ? globalMean : 0,
    biased ? options.lrBu : 0,
    biased ? options.lrBi : 0,
    options.lrPu,
    options.lrQi,
    options.regBu,
    options.regBi,
    options.regPu,
    options.regQi,
  );
}

export function modelFromViews(
  data: IndexedRatings,
  options: ResolvedSvdOptions,
  layout: KernelLayout,
  views: ReturnType<typeof viewsOf>,
): SvdModel {
  const k = options.factors;
  return {
    algorithm: 'svd',
    options,
    factors: k,
    globalMean: data.globalMean,
    userIds: data.userIds.slice(),
    itemIds: data.itemIds.slice(),
    userBias: views.userBias.slice(),
    itemBias: views.itemBias.slice(),
    userFactors: unpadRows(views.userFactors, layout.userCount, layout.stride, k),
    itemFactors: unpadRows(views.itemFactors, layout.itemCount, layout.stride, k),
  };
}
