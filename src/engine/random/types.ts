/** A source of uniform random numbers in [0, 1), as d3-random's `.source`. */
export type RandomSource = () => number;

/**
 * A probability distribution on the non-negative reals (service times, inter-arrival times,
 * TTLs) or on the positive integers (batch sizes). Samplers take their random source as an
 * argument, so streams stay named and reproducible.
 */
export interface Distribution {
  /** The `dist` name of the scenario format, e.g. `"lognormal"`. */
  readonly name: string;
  /** Draws one value using `random`. Never NaN, never negative. */
  sample(random: RandomSource): number;
  /** Exact mean (Infinity where it does not exist, e.g. Pareto shape <= 1). */
  readonly mean: number;
  /** Exact variance (Infinity where it does not exist). */
  readonly variance: number;
  /** Cumulative distribution function P(X <= x), where a closed form exists. */
  cdf?(x: number): number;
}

/** Squared coefficient of variation, variance / mean^2: the shape figure queueing formulas use. */
export function scv(d: Distribution): number {
  return d.variance / (d.mean * d.mean);
}
