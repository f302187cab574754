import type { Distribution, RandomSource } from "./types.ts";

/**
 * A distribution on the positive integers 1, 2, ... (batch sizes): a `Distribution` whose
 * samples are integers, with its probability mass function.
 */
export interface IntegerDistribution extends Distribution {
  /** P(N = n); 0 for anything that is not a positive integer in the support. */
  pmf(n: number): number;
}

/** Builds an `IntegerDistribution` with one shared object shape (see `defineDistribution`). */
export function defineIntegerDistribution(
  name: string,
  mean: number,
  variance: number,
  sample: (random: RandomSource) => number,
  cdf: (x: number) => number,
  pmf: (n: number) => number,
): IntegerDistribution {
  return { name, mean, variance, sample, cdf, pmf };
}
