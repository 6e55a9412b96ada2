import { describe, expect, it } from 'vitest';
import { hashString, mixSeeds, Prng } from '../../main/core/random.ts';

/**
 * Known answers computed outside this code base by random-known-answers.c (next to this file),
 * written from the published algorithms: xoshiro128** 1.1 (Blackman and Vigna), splitmix32 and
 * FNV-1a. A change to any of these numbers changes every simulation, split and fit: it must be
 * deliberate.
 */
const firstTen = (seed: number) => {
  const random = new Prng(seed);
  return Array.from({ length: 10 }, () => random.nextUint32());
};

describe('Prng (xoshiro128** seeded by splitmix32)', () => {
  it('gives the reference stream for seed 0', () => {
    expect(firstTen(0)).toEqual([
      3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335, 104831812, 1587294886,
      2629861951, 58120585,
    ]);
  });

  it('gives the reference stream for seed 42', () => {
    expect(firstTen(42)).toEqual([
      2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290, 65323186, 1112262688,
      3782522214, 1395801302,
    ]);
  });

  it('uses only the low 32 bits of the seed', () => {
    const expected = [
      835879718, 1921286648, 2356205009, 1885780724, 980451116, 1053911718, 3677392737, 2464361898,
      3647778719, 3325325020,
    ];
    expect(firstTen(4294967295)).toEqual(expected);
    expect(firstTen(-1)).toEqual(expected);
    expect(firstTen(2 ** 32)).toEqual(firstTen(0));
  });

  it('turns the stream into uniform floats x / 2^32 and Box–Muller normals', () => {
    const random = new Prng(42);
    expect(random.nextFloat()).toBe(2837322924 / 2 ** 32);
    const normals = new Prng(7);
    const draws = Array.from({ length: 4 }, () => normals.nextNormal());
    const reference = [
      -0.72770589701486588, -0.05604081564162932, 0.50951715738692294, 0.96546526780989916,
    ];
    // Math.log, cos and sin may differ from C's in the last bit.
    draws.forEach((draw, at) => expect(draw).toBeCloseTo(reference[at], 14));
  });

  it('refuses a seed that is not a finite number', () => {
    expect(() => new Prng(Number.NaN)).toThrow(/seed must be finite, got NaN/);
  });
});

describe('seed helpers', () => {
  it('mixSeeds(x) is the first splitmix32 output from 0x9e3779b9 ^ x', () => {
    expect([0, 1, 42, 4294967295].map((part) => mixSeeds(part))).toEqual([
      1020716019, 4230986166, 2841494124, 2180083513,
    ]);
  });

  it('hashString is 32-bit FNV-1a, matching its published test vectors', () => {
    expect(['', 'a', 'foobar', 'earshot'].map(hashString)).toEqual([
      0x811c9dc5, 0xe40c292c, 0xbf9cf968, 0x6a92f9d3,
    ]);
  });
});
