import type { Distribution, RandomSource } from "./types.ts";

/**
 * Builds a `Distribution` object. Every factory goes through here so that all distributions
 * share one object shape: the engine's `service.sample(random)` call site then stays
 * monomorphic in V8 whichever distribution a queue uses.
 * @param name the scenario format's `dist` name
 * @param mean exact mean (Infinity where it does not exist)
 * @param variance exact variance (Infinity where it does not exist)
 * @param sample draws one value; must never return NaN or a negative number
 * @param cdf P(X <= x)
 */
export function defineDistribution(
  name: string,
  mean: number,
  variance: number,
  sample: (random: RandomSource) => number,
  cdf: (x: number) => number,
): Distribution {
  return { name, mean, variance, sample, cdf };
}
