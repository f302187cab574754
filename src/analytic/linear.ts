/** Dense linear algebra for the network models. */

/**
 * Solves A x = b by Gaussian elimination with partial pivoting (Golub & Van Loan, "Matrix
 * Computations" 4th ed., Algorithm 3.4.1). A is n x n, copied, not modified.
 * @throws RangeError when A is singular to working precision.
 */
export function solveLinearSystem(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = A.map((row) => [...row]);
  const x = [...b];
  const scale = Math.max(1, ...m.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (!(Math.abs(m[pivot]![col]!) > 1e-13 * scale)) throw new RangeError("singular system: the routing traps messages (some queues can never be left)");
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    [x[col], x[pivot]] = [x[pivot]!, x[col]!];
    const p = m[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[col]! / p[col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) row[c] = row[c]! - f * p[c]!;
      x[r] = x[r]! - f * x[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r]!;
    let s = x[r]!;
    for (let c = r + 1; c < n; c++) s -= row[c]! * x[c]!;
    x[r] = s / row[r]!;
  }
  return x;
}
