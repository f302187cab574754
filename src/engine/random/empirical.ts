import { defineDistribution } from "./defineDistribution.ts";
import { countAtMost, sampleMoments, sortedSamples } from "./sortedSamples.ts";
import type { Distribution } from "./types.ts";
import { checkNonNegative } from "./validate.ts";

/** Parameters of `empirical`: observed `samples` (s), resampled with equal weights. */
export interface EmpiricalParams {
  samples: readonly number[];
}

/**
 * The empirical distribution of observed values: each draw is one of `samples`, uniformly
 * (bootstrap resampling). Sampled by inversion with one uniform on the sorted samples, so
 * draws are monotone in u. Its mean and variance are those of the samples themselves
 * (population variance, divisor n), which is what resampling reproduces; its CDF is the step
 * function (number of samples <= x) / n.
 * @param params `samples`: a non-empty array of finite numbers >= 0 (seconds); copied.
 * @param path field path used in error messages (`path.samples[i]` for a bad element)
 */
export function empirical(params: EmpiricalParams, path = "service"): Distribution {
  const sorted = sortedSamples(params.samples, `${path}.samples`, "numbers >= 0", checkNonNegative);
  const n = sorted.length;
  const { mean, variance } = sampleMoments(sorted);
  return defineDistribution(
    "empirical",
    mean,
    variance,
    (random) => sorted[Math.floor(random() * n)]!,
    (x) => countAtMost(sorted, x) / n,
  );
}
