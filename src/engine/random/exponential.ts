import { defineDistribution } from "./defineDistribution.ts";
import type { DistributionSpec } from "./spec.ts";
import type { Distribution } from "./types.ts";
import { checkPositive } from "./validate.ts";

/** Parameters of `exponential`: exactly one of `mean` (s) or `rate` (per s). */
export type ExponentialParams = Omit<Extract<DistributionSpec, { dist: "exponential" }>, "dist">;

/**
 * The exponential distribution (memoryless service or inter-arrival times).
 * Sampled by inversion with one uniform: `-mean * log(1 - u)`, so u = 0 gives 0 and u close
 * to 1 stays finite (d3-random `randomExponential`). About 15 ns a draw with alea.
 * @param params `mean` > 0 (seconds) or `rate` > 0 (per second), finite, not both
 * @param path field path used in error messages
 * @throws TypeError when neither or both of mean and rate are given; RangeError on a bad value
 */
export function exponential(params: ExponentialParams, path = "service"): Distribution {
  if (params.mean !== undefined && params.rate !== undefined) {
    throw new TypeError(`${path}: exponential takes mean or rate, not both`);
  }
  if (params.mean === undefined && params.rate === undefined) {
    throw new TypeError(`${path}: exponential needs mean or rate`);
  }
  const mean = params.mean !== undefined
    ? checkPositive(params.mean, `${path}.mean`)
    : 1 / checkPositive(params.rate, `${path}.rate`);
  const rate = 1 / mean;
  return defineDistribution(
    "exponential",
    mean,
    mean * mean,
    // 0 - ...: u = 0 gives +0, not -0. 1 - u is exact for alea's 32-bit uniforms.
    (random) => 0 - mean * Math.log(1 - random()),
    (x) => (x > 0 ? -Math.expm1(-rate * x) : 0),
  );
}
