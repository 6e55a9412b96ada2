import { describe, expect, it } from 'vitest';
import { Prng } from '../../../../main/core/random.ts';
import { loadScoreKernel } from '../../../../main/core/recommender/kernels/score-kernel.ts';
import { createMemory } from '../../../../main/core/recommender/kernels/wasm-runtime.ts';

const unitRoundoff = 2 ** -24; // u for float32: half the gap between 1 and the next float

/**
 * Sets up the kernel's memory as item-scorer does (q rows padded to `stride` floats, then b_i,
 * p, out and one guard float after out), fills it with N(0, sd²) draws and runs one pass.
 */
function scoreOnce(items: number, k: number, base: number, sd: number, seed: number) {
  const random = new Prng(seed);
  const stride = Math.ceil(k / 4) * 4;
  const at = { factors: 0, bias: items * stride * 4 };
  const user = at.bias + Math.ceil(items / 4) * 16;
  const out = user + stride * 4;
  const memory = createMemory(out + (items + 1) * 4, false);
  const floats = (offset: number, length: number) =>
    new Float32Array(memory.buffer, offset, length);
  const q = floats(at.factors, items * stride);
  const b = floats(at.bias, items);
  const p = floats(user, stride);
  for (let i = 0; i < items; i++) {
    for (let f = 0; f < k; f++) q[i * stride + f] = random.nextNormal(0, sd);
    b[i] = random.nextNormal(0, sd);
  }
  for (let f = 0; f < k; f++) p[f] = random.nextNormal(0, sd);
  const scores = floats(out, items + 1);
  scores[items] = 12345; // the guard
  loadScoreKernel(memory)(at.factors, at.bias, items, stride * 4, user, out, base);
  return { q, b, p, stride, scores, base: Math.fround(base) };
}

/**
 * Compares every score with base + b_i + Σ_f q_i[f] p[f] computed in double precision from the
 * same float32 inputs. The kernel's float32 error is bounded by the depth of its sum (k/4
 * lane additions, two to combine the lanes, two for base and b_i) times u times Σ|terms|.
 */
function worstError(items: number, k: number, base: number, sd: number, seed: number) {
  const run = scoreOnce(items, k, base, sd, seed);
  let largest = 0;
  let largestOverBound = 0;
  for (let i = 0; i < items; i++) {
    let exact = run.base + run.b[i];
    let magnitude = Math.abs(run.base) + Math.abs(run.b[i]);
    for (let f = 0; f < k; f++) {
      const term = run.q[i * run.stride + f] * run.p[f];
      exact += term;
      magnitude += Math.abs(term);
    }
    const error = Math.abs(run.scores[i] - exact);
    const bound = (run.stride / 4 + 5) * unitRoundoff * magnitude;
    largest = Math.max(largest, error);
    largestOverBound = Math.max(largestOverBound, error / bound);
  }
  return { largest, largestOverBound, guard: run.scores[items] };
}

describe('the score kernel against double-precision arithmetic', () => {
  const shapes = [
    { items: 1, k: 1 },
    { items: 3, k: 4 },
    { items: 7, k: 5 },
    { items: 101, k: 13 },
    { items: 1001, k: 20 },
    { items: 997, k: 100 },
    { items: 250, k: 257 },
  ];

  it.each(shapes)('scores $items items with k = $k within the float32 bound', ({ items, k }) => {
    const result = worstError(items, k, 3.5, 0.3, items * 1000 + k);
    expect(result.largestOverBound).toBeLessThanOrEqual(1);
    expect(result.guard).toBe(12345); // nothing written past out[count − 1]
  });

  it('keeps the error of a realistic model (k = 100, factors N(0, 0.1²)) under 1e-6', () => {
    const result = worstError(5000, 100, 3.53, 0.1, 42);
    expect(result.largest).toBeLessThan(1e-6);
    expect(result.largest).toBeGreaterThan(0); // float32 arithmetic, so not exactly double
  });

  it('gives base + b_i alone for a zero user vector, and nothing for zero items', () => {
    const memory = createMemory(64, false);
    const floats = new Float32Array(memory.buffer, 0, 16);
    floats.set([0.5, -2, 0, 0, 1.25, 7, 0, 0, 0, 0, 0, 0, 99, 99, 99]);
    const kernel = loadScoreKernel(memory);
    // q rows at 0 (stride 4 floats, 2 items: only used as zero-weighted), b at 16, p at 32.
    kernel(0, 16, 2, 16, 32, 48, 3);
    expect([...floats.subarray(12, 15)]).toEqual([3 + 1.25, 3 + 7, 99]);
    kernel(0, 16, 0, 16, 32, 48, -1);
    expect([...floats.subarray(12, 15)]).toEqual([3 + 1.25, 3 + 7, 99]);
  });
});
