import { describe, expect, it } from 'vitest';
import {
  choleskyInPlace,
  choleskySolveInPlace,
} from '../../../main/core/recommender/algorithms/cholesky.ts';
import { topIndices } from '../../../main/core/recommender/algorithms/top-k.ts';

describe('cholesky', () => {
  it('solves a symmetric positive-definite system', () => {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = [1, −2, 3] → b = A x = [0, −5, 7].
    const a = Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3);
    choleskyInPlace(a, 3);
    expect(a[0]).toBe(2);
    const b = Float64Array.of(0, -5, 7);
    choleskySolveInPlace(a, 3, b);
    expect(b[0]).toBeCloseTo(1, 12);
    expect(b[1]).toBeCloseTo(-2, 12);
    expect(b[2]).toBeCloseTo(3, 12);
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() => choleskyInPlace(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/positive definite/);
  });
});

describe('topIndices', () => {
  it('returns the best scores first, lower index first on ties, skipping marked ones', () => {
    const scores = Float64Array.of(0.5, 3, 2, 3, -1, 2.5);
    expect([...topIndices(scores, 3)]).toEqual([1, 3, 5]);
    expect([...topIndices(scores, 3, Uint8Array.of(0, 1, 0, 0, 0, 0))]).toEqual([3, 5, 2]);
    expect([...topIndices(scores, 10)]).toEqual([1, 3, 5, 2, 0, 4]);
    expect([...topIndices(scores, 0)]).toEqual([]);
  });
});
