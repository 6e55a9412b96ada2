import { describe, expect, it } from 'vitest';
import { Prng } from '../../../../main/core/random.ts';
import type { IndexedRatings } from '../../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { planLayout, viewsOf } from '../../../../main/core/recommender/kernels/kernel-layout.ts';
import { loadSgdKernel } from '../../../../main/core/recommender/kernels/sgd-kernel.ts';
import { createMemory } from '../../../../main/core/recommender/kernels/wasm-runtime.ts';

const mu = 3.4;
// Different rates and regularisations per term, so a swapped pair of arguments shows.
const rates = { lrBu: 0.011, lrBi: 0.013, lrPu: 0.017, lrQi: 0.019 };
const regs = { regBu: 0.021, regBi: 0.023, regPu: 0.029, regQi: 0.031 };

/** Ratings whose users and items repeat, so every update builds on earlier ones. */
function randomRatings(users: number, items: number, count: number, random: Prng) {
  const data: IndexedRatings = {
    userIds: Int32Array.from({ length: users }, (_, u) => u),
    itemIds: Int32Array.from({ length: items }, (_, i) => i),
    users: Int32Array.from({ length: count }, () => random.nextInt(users)),
    items: Int32Array.from({ length: count }, () => random.nextInt(items)),
    ratings: Float32Array.from({ length: count }, () => 1 + random.nextInt(5)),
    globalMean: mu,
  };
  return data;
}

/** The starting values as doubles, updated in place by referenceEpoch. */
type Start = Record<'bu' | 'bi' | 'p' | 'q', Float64Array>;

/** The update of sgd-kernel.ts's doc comment, rating by rating, in double precision. */
function referenceEpoch(data: IndexedRatings, k: number, stride: number, start: Start): number {
  const { bu, bi, p, q } = start;
  let sse = 0;
  for (let r = 0; r < data.ratings.length; r++) {
    const [u, i] = [data.users[r], data.items[r]];
    let dot = 0;
    for (let f = 0; f < k; f++) dot += q[i * stride + f] * p[u * stride + f];
    const err = data.ratings[r] - (mu + bu[u] + bi[i] + dot);
    sse += err * err;
    bu[u] += rates.lrBu * (err - regs.regBu * bu[u]);
    bi[i] += rates.lrBi * (err - regs.regBi * bi[i]);
    for (let f = 0; f < k; f++) {
      const [pf, qf] = [p[u * stride + f], q[i * stride + f]];
      p[u * stride + f] += rates.lrPu * (err * qf - regs.regPu * pf);
      q[i * stride + f] += rates.lrQi * (err * pf - regs.regQi * qf);
    }
  }
  return sse;
}

type Views = ReturnType<typeof viewsOf>;

/** Biases and the first k lanes of every row drawn from N(0, 0.1²); padding lanes 0. */
function fillStart(views: Views, stride: number, k: number, random: Prng): Start {
  for (const bias of [views.userBias, views.itemBias]) {
    for (let x = 0; x < bias.length; x++) bias[x] = random.nextNormal(0, 0.1);
  }
  for (const rows of [views.userFactors, views.itemFactors]) {
    for (let x = 0; x < rows.length; x++) {
      rows[x] = x % stride < k ? random.nextNormal(0, 0.1) : 0;
    }
  }
  return {
    bu: Float64Array.from(views.userBias),
    bi: Float64Array.from(views.itemBias),
    p: Float64Array.from(views.userFactors),
    q: Float64Array.from(views.itemFactors),
  };
}

function runBoth(users: number, items: number, count: number, k: number) {
  const random = new Prng(users * 7919 + items * 104729 + k);
  const data = randomRatings(users, items, count, random);
  const layout = planLayout(data, k);
  const memory = createMemory(layout.bytes, false);
  const views = viewsOf(memory, layout);
  views.users.set(data.users);
  views.items.set(data.items);
  views.ratings.set(data.ratings);
  const expected = fillStart(views, layout.stride, k, random);
  const at = layout;
  // prettier-ignore
  const sse = loadSgdKernel(memory, false)(
    at.users, at.items, at.ratings, count, at.userBias, at.itemBias, at.userFactors,
    at.itemFactors, layout.stride * 4, mu,
    rates.lrBu, rates.lrBi, rates.lrPu, rates.lrQi, regs.regBu, regs.regBi, regs.regPu, regs.regQi,
  );
  const expectedSse = referenceEpoch(data, k, layout.stride, expected);
  return { sse, expectedSse, views, expected, stride: layout.stride };
}

function largestDifference(actual: Float32Array, expected: Float64Array): number {
  let largest = 0;
  for (let x = 0; x < actual.length; x++) {
    largest = Math.max(largest, Math.abs(actual[x] - expected[x]));
  }
  return largest;
}

describe('one epoch of the SGD kernel against double-precision arithmetic', () => {
  const shapes = [
    { users: 1, items: 1, count: 1, k: 1 },
    { users: 5, items: 3, count: 40, k: 4 },
    { users: 13, items: 7, count: 300, k: 5 },
    { users: 31, items: 17, count: 1000, k: 13 },
    { users: 50, items: 40, count: 2000, k: 100 },
  ];

  it.each(shapes)(
    '$count ratings of $users users × $items items with k = $k agree within 2e-6',
    ({ users, items, count, k }) => {
      const run = runBoth(users, items, count, k);
      expect(largestDifference(run.views.userBias, run.expected.bu)).toBeLessThan(2e-6);
      expect(largestDifference(run.views.itemBias, run.expected.bi)).toBeLessThan(2e-6);
      expect(largestDifference(run.views.userFactors, run.expected.p)).toBeLessThan(2e-6);
      expect(largestDifference(run.views.itemFactors, run.expected.q)).toBeLessThan(2e-6);
      expect(Math.abs(run.sse - run.expectedSse)).toBeLessThan(1e-6 * run.expectedSse);
    },
  );

  it('leaves the padding lanes of every row at zero', () => {
    const run = runBoth(13, 7, 300, 5);
    for (const rows of [run.views.userFactors, run.views.itemFactors]) {
      const padding = rows.filter((_, x) => x % run.stride >= 5);
      expect(padding.length).toBeGreaterThan(0);
      expect(padding.every((value) => value === 0)).toBe(true);
    }
  });
});
