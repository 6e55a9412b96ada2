/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix and the solves that
 * use it. Matrices are row-major Float64Array of `n × n` (`a[row * n + col]`).
 */

/**
 * Overwrites the lower triangle of `a` with L (the upper triangle is left as it was).
 * Throws RangeError when A is not positive definite (a pivot ≤ 0).
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  if (a.length < n * n) throw new RangeError(`a holds ${a.length} values, needs ${n * n}`);
  for (let j = 0; j < n; j++) {
    let pivot = a[j * n + j];
    for (let c = 0; c < j; c++) pivot -= a[j * n + c] * a[j * n + c];
    if (!(pivot > 0)) {
      throw new RangeError(`matrix is not positive definite (pivot ${pivot} at ${j})`);
    }
    const diagonal = Math.sqrt(pivot);
    a[j * n + j] = diagonal;
    for (let row = j + 1; row < n; row++) {
      let value = a[row * n + j];
      for (let c = 0; c < j; c++) value -= a[row * n + c] * a[j * n + c];
      a[row * n + j] = value / diagonal;
    }
  }
}

/** Solves L Lᵀ x = b for x, given L from {@link choleskyInPlace}; `b` is overwritten by x. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let row = 0; row < n; row++) {
    let value = b[row];
    for (let c = 0; c < row; c++) value -= l[row * n + c] * b[c];
    b[row] = value / l[row * n + row];
  }
  for (let row = n - 1; row >= 0; row--) {
    let value = b[row];
    for (let c = row + 1; c < n; c++) value -= l[c * n + row] * b[c];
    b[row] = value / l[row * n + row];
  }
}
