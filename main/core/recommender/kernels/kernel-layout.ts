import type { IndexedRatings } from '../algorithms/indexed-ratings.ts';
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
