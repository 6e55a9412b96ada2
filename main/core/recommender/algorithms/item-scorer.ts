import { loadScoreKernel } from '../kernels/score-kernel.ts';
import type { SvdModel } from './svd-model.ts';
import { createMemory } from '../kernels/wasm-runtime.ts';

/** The item side a scorer needs: an SVD model has it, and so does implicit ALS (prior as b_i). */
export type ScorableItems = Pick<SvdModel, 'factors' | 'itemIds' | 'itemBias' | 'itemFactors'>;

/** Scores all of a model's items for one user vector at a time. */
export interface ItemScorer {
  /**
   * Unclipped scores in dense item order: s_i = base + b_i + q_i·p, with `userFactors` = p
   * (k values). The returned array is reused by the next call.
   */
  score(base: number, userFactors: ArrayLike<number>): Float32Array;
}

/**
 * Copies the item side of `model` (q rows padded to whole f32x4 lanes, b_i) into WebAssembly
 * memory once, so each later scoring pass is one SIMD sweep: about k·items/4 vector
 * multiply-adds. Keep one per loaded model; building it costs one copy of the item factors.
 */
export function createItemScorer(model: ScorableItems): ItemScorer {
  const k = model.factors;
  const items = model.itemIds.length;
  const stride = Math.ceil(k / 4) * 4;
  const factorsAt = 0;
  const biasAt = factorsAt + items * stride * 4;
  const userAt = biasAt + Math.ceil(items / 4) * 16;
  const outAt = userAt + stride * 4;
  const memory = createMemory(outAt + items * 4, false);
  const factors = new Float32Array(memory.buffer, factorsAt, items * stride);
  if (stride === k) factors.set(model.itemFactors);
  else {
    for (let i = 0; i < items; i++) {
      factors.set(model.itemFactors.subarray(i * k, i * k + k), i * stride);
    }
  }
  new Float32Array(memory.buffer, biasAt, items).set(model.itemBias);
  const user = new Float32Array(memory.buffer, userAt, stride);
  const out = new Float32Array(memory.buffer, outAt, items);
  const kernel = loadScoreKernel(memory);
  return {
    score(base, userFactors) {
      if (userFactors.length !== k) {
        throw new RangeError(`userFactors must hold ${k} values, got ${userFactors.length}`);
      }
      for (let f = 0; f < k; f++) user[f] = userFactors[f];
      kernel(factorsAt, biasAt, items, stride * 4, userAt, outAt, base);
      return out;
    },
  };
}
