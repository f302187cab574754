import type { RandomSource } from "../random/types.ts";
import { checkFinite, checkNonEmptyArray, checkNonNegative, checkObject, rangeFailure } from "../random/validate.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";
import { stationaryDistribution, unreachableState } from "./stationaryDistribution.ts";

/** Parameters of `mmpp`: per-state arrival `rate`s and the `switch` rates between states. */
export interface MmppParams {
  states: readonly { rate: number }[];
  /** `switch[i][j]`, i != j: rate (per s) of switching from state i to j; diagonal 0 or minus the row sum. */
  switch: readonly (readonly number[])[];
}

class MmppProcess implements ArrivalProcess {
  readonly batchSize = 1;
  readonly meanRate: number;
  private readonly n: number;
  private readonly rates: Float64Array;
  private readonly totals: Float64Array;
  private readonly switching: Float64Array;
  private readonly random: RandomSource;
  private state: number;
  private time = 0;

  constructor(rates: Float64Array, switching: Float64Array, pi: Float64Array, random: RandomSource) {
    const n = rates.length;
    this.n = n;
    this.rates = rates;
    this.switching = switching;
    this.random = random;
    this.totals = new Float64Array(n);
    let meanRate = 0;
    for (let i = 0; i < n; i++) {
      let total = rates[i]!;
      for (let j = 0; j < n; j++) total += switching[i * n + j]!;
      this.totals[i] = total;
      meanRate += pi[i]! * rates[i]!;
    }
    this.meanRate = meanRate;
    this.state = pickIndex(pi, random());
  }

  next(): number {
    if (this.meanRate === 0) return (this.time = Infinity);
    const { n, rates, switching, random } = this;
    // Competing exponentials: in state s the next event (arrival or switch) comes after an
    // Exp(total rate) time and is an arrival with probability rate / total (exact sampling).
    for (;;) {
      const s = this.state;
      const total = this.totals[s]!;
      this.time += 0 - Math.log(1 - random()) / total;
      let u = random() * total - rates[s]!;
      if (u < 0) return this.time;
      let next = s;
      for (let j = 0; j < n; j++) {
        const rate = switching[s * n + j]!;
        if (rate > 0) {
          next = j;
          u -= rate;
          if (u < 0) break;
        }
      }
      this.state = next;
    }
  }
}

/** The index i with cumulative weight just above u (weights summing to 1). */
function pickIndex(weights: Float64Array, u: number): number {
  let cumulative = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    cumulative += weights[i]!;
    if (u < cumulative) return i;
  }
  return weights.length - 1;
}

function checkSwitch(value: unknown, n: number, path: string): Float64Array {
  const rows = checkNonEmptyArray(value, path, `${n} rows of ${n} rates`);
  if (rows.length !== n) throw new RangeError(`${path}: expected ${n} rows (one per state), got ${rows.length}`);
  const switching = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = checkNonEmptyArray(rows[i], `${path}[${i}]`, "rates");
    if (row.length !== n) throw new RangeError(`${path}[${i}]: expected ${n} rates (one per state), got ${row.length}`);
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      switching[i * n + j] = checkNonNegative(row[j], `${path}[${i}][${j}]`);
      rowSum += switching[i * n + j]!;
    }
    // Either convention is accepted: 0, or the generator's -(sum of the row's other rates).
    const diagonal = checkFinite(row[i], `${path}[${i}][${i}]`);
    if (!(diagonal === 0 || Math.abs(diagonal + rowSum) <= 1e-9 * rowSum)) {
      const what = rowSum > 0 ? `expected 0 or ${-rowSum} (minus the row's other rates)` : "expected 0";
      rangeFailure(`${path}[${i}][${i}]`, what, diagonal);
    }
  }
  return switching;
}

/**
 * The Markov-modulated Poisson process: a continuous-time Markov chain moves between states
 * at the `switch` rates, and while in state i arrivals are Poisson with `states[i].rate`. It
 * starts in the chain's stationary distribution (GTH algorithm), so it is stationary from
 * time 0, and is sampled exactly by competing exponentials (two uniforms per event, one more
 * at creation for the initial state). The standard model of bursty traffic: its index of
 * dispersion of counts exceeds 1 (Fischer & Meier-Hellstern, "The Markov-modulated Poisson
 * process (MMPP) cookbook", Performance Evaluation 18, 1993).
 * @param params `states`: non-empty, each `rate` >= 0 per second; `switch`: an n x n matrix,
 *   off-diagonal rates >= 0 per second, diagonal 0 or minus the row sum; the chain must be
 *   irreducible (every state reachable from every other)
 * @param random the arrival stream
 * @param path field path used in error messages (`path.switch[1][0]`)
 */
export function mmpp(params: MmppParams, random: RandomSource, path = "arrival"): ArrivalProcess {
  const states = checkNonEmptyArray(params.states, `${path}.states`, "states like { \"rate\": 5 }");
  const n = states.length;
  const rates = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const state = checkObject(states[i], `${path}.states[${i}]`, "a state like { \"rate\": 5 }");
    rates[i] = checkNonNegative(state.rate, `${path}.states[${i}].rate`);
  }
  const switching = checkSwitch(params.switch, n, `${path}.switch`);
  const matrix = Array.from({ length: n }, (_, i) => Array.from(switching.subarray(i * n, (i + 1) * n)));
  const missing = unreachableState(matrix);
  if (missing >= 0) {
    throw new RangeError(
      `${path}.switch: the chain must be irreducible (every state reachable from every other), but state ${missing} is cut off`,
    );
  }
  const pi = stationaryDistribution(matrix);
  // Sampling walks every switch; a chain that switches vastly more often than it produces
  // arrivals would spend unbounded time between two arrivals.
  let arrivalRate = 0;
  let switchRate = 0;
  for (let i = 0; i < n; i++) {
    arrivalRate += pi[i]! * rates[i]!;
    for (let j = 0; j < n; j++) switchRate += pi[i]! * switching[i * n + j]!;
  }
  if (arrivalRate > 0 && switchRate / arrivalRate > MAX_SWITCHES_PER_ARRIVAL) {
    throw new RangeError(
      `${path}.switch: the chain switches ${switchRate / arrivalRate} times per arrival on average (at most ${MAX_SWITCHES_PER_ARRIVAL}): switching rates too fast for the arrival rates`,
    );
  }
  return new MmppProcess(rates, switching, pi, random);
}

/** Most state switches per arrival, on average, that the exact sampler accepts. */
export const MAX_SWITCHES_PER_ARRIVAL = 1e6;
