import { describe, expect, it } from 'vitest';
import {
  denseIndexOf,
  indexRatings,
} from '../../../main/core/recommender/algorithms/indexed-ratings.ts';
import { resolveSvdOptions } from '../../../main/core/recommender/algorithms/svd-options.ts';
import { Prng } from '../../../main/core/random.ts';
import { randomPermutation } from '../../../main/core/recommender/algorithms/random-permutation.ts';

describe('indexRatings', () => {
  it('numbers users and items densely in ascending raw-id order, whatever the rating order', () => {
    const indexed = indexRatings({
      userIds: Int32Array.of(30, 10, 30, 20),
      trackIds: Int32Array.of(500, 7, 7, 90),
      ratings: Float32Array.of(4, 2, 5, 3),
    });
    expect([...indexed.userIds]).toEqual([10, 20, 30]);
    expect([...indexed.itemIds]).toEqual([7, 90, 500]);
    expect([...indexed.users]).toEqual([2, 0, 2, 1]);
    expect([...indexed.items]).toEqual([2, 0, 0, 1]);
    expect(indexed.globalMean).toBe(3.5);
  });

  it('handles sparse ids far apart (no lookup table)', () => {
    const indexed = indexRatings({
      userIds: Int32Array.of(2_000_000_000, -5),
      trackIds: Int32Array.of(1, 1_500_000_000),
      ratings: Float32Array.of(1, 5),
    });
    expect([...indexed.userIds]).toEqual([-5, 2_000_000_000]);
    expect([...indexed.users]).toEqual([1, 0]);
    expect(denseIndexOf(indexed.itemIds, 1_500_000_000)).toBe(1);
    expect(denseIndexOf(indexed.itemIds, 2)).toBe(-1);
  });

  it('rejects empty, mismatched or non-finite input with a named error', () => {
    const empty = {
      userIds: new Int32Array(0),
      trackIds: new Int32Array(0),
      ratings: new Float32Array(0),
    };
    expect(() => indexRatings(empty)).toThrow(RangeError);
    const mismatched = {
      userIds: Int32Array.of(1, 2),
      trackIds: Int32Array.of(1),
      ratings: Float32Array.of(3),
    };
    expect(() => indexRatings(mismatched)).toThrow(/differ in length/);
    const nan = {
      userIds: Int32Array.of(1),
      trackIds: Int32Array.of(1),
      ratings: Float32Array.of(NaN),
    };
    expect(() => indexRatings(nan)).toThrow(/finite/);
  });
});

describe('resolveSvdOptions', () => {
  it("uses Surprise's defaults and lets each term override the shared rate", () => {
    const options = resolveSvdOptions({ lrQi: 0.1, regularization: 0.05 });
    expect(options).toMatchObject({ factors: 100, epochs: 20, initMean: 0, initStd: 0.1 });
    expect(options).toMatchObject({
      lrBu: 0.005,
      lrQi: 0.1,
      regBu: 0.05,
      regQi: 0.05,
      biased: true,
    });
  });

  it('names the bad option', () => {
    expect(() => resolveSvdOptions({ factors: 0 })).toThrow(/factors/);
    expect(() => resolveSvdOptions({ regPu: -1 })).toThrow(/regPu/);
    expect(() => resolveSvdOptions({ ratingScale: { min: 5, max: 1 } })).toThrow(RangeError);
  });
});

describe('Prng', () => {
  it('draws normals with the requested mean and spread, reproducibly', () => {
    const random = new Prng(42);
    const draws = Array.from({ length: 20_000 }, () => random.nextNormal(2, 0.5));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeGreaterThan(0.48);
    expect(sd).toBeLessThan(0.52);
    expect(new Prng(42).nextNormal(2, 0.5)).toBe(draws[0]);
  });

  it('shuffles into a permutation that moves most elements', () => {
    const order = randomPermutation(1000, new Prng(1));
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(1000).keys()]);
    expect(order.filter((value, position) => value === position).length).toBeLessThan(10);
  });
});
