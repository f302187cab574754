/**
 * The stationary distribution pi (pi Q = 0, sum pi = 1) of an irreducible continuous-time
 * Markov chain, by the GTH algorithm: Grassmann, Taksar & Heyman, "Regenerative analysis and
 * steady state distributions for Markov chains", Operations Research 33(5), 1985. It uses no
 * subtractions, so it is accurate even when rates differ by many orders of magnitude.
 * @param rates `rates[i][j]`, i != j: the rate of switching from state i to j (>= 0); the
 *   diagonal is ignored. The chain must be irreducible (see `unreachableState`).
 * @returns pi, one probability per state
 */
export function stationaryDistribution(rates: readonly (readonly number[])[]): Float64Array {
  const n = rates.length;
  const p = rates.map((row, i) => row.map((rate, j) => (i === j ? 0 : rate)));
  // Censor states n-1, ..., 1 out of the chain one at a time.
  for (let k = n - 1; k > 0; k--) {
    const rowK = p[k]!;
    let out = 0;
    for (let j = 0; j < k; j++) out += rowK[j]!;
    for (let i = 0; i < k; i++) p[i]![k]! /= out;
    for (let i = 0; i < k; i++) {
      const rowI = p[i]!;
      const ik = rowI[k]!;
      if (ik === 0) continue;
      for (let j = 0; j < k; j++) if (j !== i) rowI[j]! += ik * rowK[j]!;
    }
  }
  const pi = new Float64Array(n);
  pi[0] = 1;
  let total = 1;
  for (let k = 1; k < n; k++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += pi[i]! * p[i]![k]!;
    pi[k] = sum;
    total += sum;
  }
  for (let k = 0; k < n; k++) pi[k]! /= total;
  return pi;
}

/**
 * Checks that every state of a chain can reach every other through positive rates.
 * @returns the index of a state that cannot be reached from state 0 or cannot reach it, or
 *   -1 when the chain is irreducible
 */
export function unreachableState(rates: readonly (readonly number[])[]): number {
  const n = rates.length;
  for (const forward of [true, false]) {
    const seen = new Uint8Array(n);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let j = 0; j < n; j++) {
        const rate = forward ? rates[i]![j]! : rates[j]![i]!;
        if (j !== i && rate > 0 && seen[j] === 0) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    const missing = seen.indexOf(0);
    if (missing >= 0) return missing;
  }
  return -1;
}
