import { describe, expect, it } from 'vitest';
import {
  choleskyInPlace,
  choleskySolveInPlace,
} from '../../../main/core/recommender/algorithms/cholesky.ts';
import { invertSpdInPlace } from '../../../main/core/recommender/algorithms/spd-inverse.ts';
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

describe('invertSpdInPlace', () => {
  it('inverts a symmetric positive-definite matrix in place, both triangles', () => {
    // det = 44; the inverse is the adjugate / 44, worked out by hand.
    const a = Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3);
    invertSpdInPlace(a, 3);
    const expected = [14, -6, 2, -6, 12, -4, 2, -4, 16].map((v) => v / 44);
    expected.forEach((value, at) => expect(a[at]).toBeCloseTo(value, 14));
  });

  it('gives A·A⁻¹ = I on a larger random one, and refuses an indefinite one', () => {
    const n = 37;
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    const m = Float64Array.from({ length: n * n }, next);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < n; k++) a[i * n + j] += m[i * n + k] * m[j * n + k];
      }
      a[i * n + i] += 1;
    }
    const inverse = a.slice();
    invertSpdInPlace(inverse, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let value = 0;
        for (let k = 0; k < n; k++) value += a[i * n + k] * inverse[k * n + j];
        worst = Math.max(worst, Math.abs(value - (i === j ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-10);
    expect(() => invertSpdInPlace(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/positive definite/);
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
