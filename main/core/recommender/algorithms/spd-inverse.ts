import { choleskyInPlace } from './cholesky.ts';

/**
 * Overwrites the symmetric positive-definite `a` (row-major n × n; only its lower triangle is
 * read) with its inverse, both triangles, in place: A = L Lᵀ (Cholesky), X = L⁻¹ row by row,
 * then A⁻¹ = Xᵀ X. About n³/2 multiply-adds and no second n × n buffer, which is what lets
 * EASE hold a few thousand items in memory. Throws RangeError when A is not positive definite.
 */
export function invertSpdInPlace(a: Float64Array, n: number): void {
  choleskyInPlace(a, n);
  invertLowerInPlace(a, n);
  lowerGramInPlace(a, n);
}

/**
 * Replaces the lower triangle L (diagonal included) with X = L⁻¹, row by row:
 * X_i = (e_i − Σ_{m<i} L_im X_m) / L_ii, each X_m already final for m < i.
 */
function invertLowerInPlace(a: Float64Array, n: number): void {
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let c = 0; c <= i; c++) row[c] = a[base + c];
    for (let c = 0; c <= i; c++) a[base + c] = 0;
    a[base + i] = 1;
    for (let m = 0; m < i; m++) {
      const factor = row[m];
      if (factor === 0) continue;
      const mBase = m * n;
      for (let c = 0; c <= m; c++) a[base + c] -= factor * a[mBase + c];
    }
    const inverseDiagonal = 1 / row[i];
    for (let c = 0; c <= i; c++) a[base + c] *= inverseDiagonal;
  }
}

/**
 * Replaces X (lower triangle) with Xᵀ X, both triangles. Row i of the result needs rows i … n−1
 * of X, so going down the rows never reads a row already overwritten.
 */
function lowerGramInPlace(a: Float64Array, n: number): void {
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sums.fill(0, 0, i + 1);
    for (let m = i; m < n; m++) {
      const mBase = m * n;
      const scale = a[mBase + i];
      if (scale === 0) continue;
      for (let j = 0; j <= i; j++) sums[j] += scale * a[mBase + j];
    }
    for (let j = 0; j <= i; j++) {
      a[i * n + j] = sums[j];
      a[j * n + i] = sums[j];
    }
  }
}
