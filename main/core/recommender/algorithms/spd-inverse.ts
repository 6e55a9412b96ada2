/**
 * Overwrites the symmetric positive-definite `a` (row-major n × n; only its lower triangle is
 * read) with its inverse, both triangles, in place: A = L Lᵀ (Cholesky), X = L⁻¹ row by row,
 * then A⁻¹ = Xᵀ X. About n³/2 multiply-adds and no second n × n buffer, which is what lets
 * EASE hold a few thousand items in memory. The inner loops take four rows at a time, so each
 * pass over a row does four rows' work (about twice as fast as one at a time in V8).
 * Throws RangeError when A is not positive definite.
 */
export function invertSpdInPlace(a: Float64Array, n: number): void {
  if (a.length < n * n) throw new RangeError(`a holds ${a.length} values, needs ${n * n}`);
  choleskyRowsInPlace(a, n);
  invertLowerInPlace(a, n);
  lowerGramInPlace(a, n);
}

/**
 * L with A = L Lᵀ into the lower triangle, row by row: L_ij = (A_ij − Σ_{c<j} L_ic L_jc) / L_jj.
 * Four j at a time share one pass over row i; the few terms among those four follow.
 */
function choleskyRowsInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let j = 0;
    for (; j + 3 < i; j += 4) {
      const r0 = j * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let c = 0; c < j; c++) {
        const value = a[row + c];
        d0 += value * a[r0 + c];
        d1 += value * a[r1 + c];
        d2 += value * a[r2 + c];
        d3 += value * a[r3 + c];
      }
      const l0 = (a[row + j] - d0) / a[r0 + j];
      const l1 = (a[row + j + 1] - d1 - l0 * a[r1 + j]) / a[r1 + j + 1];
      const l2 = (a[row + j + 2] - d2 - l0 * a[r2 + j] - l1 * a[r2 + j + 1]) / a[r2 + j + 2];
      const l3 =
        (a[row + j + 3] - d3 - l0 * a[r3 + j] - l1 * a[r3 + j + 1] - l2 * a[r3 + j + 2]) /
        a[r3 + j + 3];
      a[row + j] = l0;
      a[row + j + 1] = l1;
      a[row + j + 2] = l2;
      a[row + j + 3] = l3;
    }
    for (; j < i; j++) {
      let dot = 0;
      for (let c = 0; c < j; c++) dot += a[row + c] * a[j * n + c];
      a[row + j] = (a[row + j] - dot) / a[j * n + j];
    }
    let pivot = a[row + i];
    for (let c = 0; c < i; c++) pivot -= a[row + c] * a[row + c];
    if (!(pivot > 0))
      throw new RangeError(`matrix is not positive definite (pivot ${pivot} at ${i})`);
    a[row + i] = Math.sqrt(pivot);
  }
}

/**
 * Replaces the lower triangle L (diagonal included) with X = L⁻¹, row by row:
 * X_i = (e_i − Σ_{m<i} L_im X_m) / L_ii, each X_m already final for m < i (X_m is zero past m).
 */
function invertLowerInPlace(a: Float64Array, n: number): void {
  const l = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let c = 0; c <= i; c++) {
      l[c] = a[base + c];
      a[base + c] = 0;
    }
    a[base + i] = 1;
    let m = 0;
    for (; m + 3 < i; m += 4) {
      const f0 = l[m];
      const f1 = l[m + 1];
      const f2 = l[m + 2];
      const f3 = l[m + 3];
      const r0 = m * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      for (let c = 0; c <= m; c++) {
        a[base + c] -= f0 * a[r0 + c] + f1 * a[r1 + c] + f2 * a[r2 + c] + f3 * a[r3 + c];
      }
      a[base + m + 1] -= f1 * a[r1 + m + 1] + f2 * a[r2 + m + 1] + f3 * a[r3 + m + 1];
      a[base + m + 2] -= f2 * a[r2 + m + 2] + f3 * a[r3 + m + 2];
      a[base + m + 3] -= f3 * a[r3 + m + 3];
    }
    for (; m < i; m++) {
      const factor = l[m];
      for (let c = 0; c <= m; c++) a[base + c] -= factor * a[m * n + c];
    }
    const inverseDiagonal = 1 / l[i];
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
    let m = i;
    for (; m + 3 < n; m += 4) {
      const r0 = m * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      const s0 = a[r0 + i];
      const s1 = a[r1 + i];
      const s2 = a[r2 + i];
      const s3 = a[r3 + i];
      for (let j = 0; j <= i; j++) {
        sums[j] += s0 * a[r0 + j] + s1 * a[r1 + j] + s2 * a[r2 + j] + s3 * a[r3 + j];
      }
    }
    for (; m < n; m++) {
      const scale = a[m * n + i];
      for (let j = 0; j <= i; j++) sums[j] += scale * a[m * n + j];
    }
    for (let j = 0; j <= i; j++) {
      a[i * n + j] = sums[j];
      a[j * n + i] = sums[j];
    }
  }
}
