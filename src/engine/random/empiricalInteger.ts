import { defineIntegerDistribution, type IntegerDistribution } from "./integerDistribution.ts";
import { countAtMost, sampleMoments, sortedSamples } from "./sortedSamples.ts";
import { checkInteger } from "./validate.ts";

/** Parameters of the integer `empirical`: observed batch sizes, resampled with equal weights. */
export interface EmpiricalIntegerParams {
  samples: readonly number[];
}

/**
 * The empirical distribution of observed batch sizes: each draw is one of `samples`,
 * uniformly, by inversion with one uniform on the sorted samples. pmf(n) is the fraction of
 * samples equal to n; mean and variance are the samples' own (divisor n).
 * @param params `samples`: a non-empty array of integers >= 1; copied.
 * @param path field path used in error messages (`path.samples[i]` for a bad element)
 */
export function empiricalInteger(params: EmpiricalIntegerParams, path = "size"): IntegerDistribution {
  const sorted = sortedSamples(params.samples, `${path}.samples`, "integers >= 1", (value, at) => checkInteger(value, 1, at));
  const n = sorted.length;
  const { mean, variance } = sampleMoments(sorted);
  return defineIntegerDistribution(
    "empirical",
    mean,
    variance,
    (random) => sorted[Math.floor(random() * n)]!,
    (x) => countAtMost(sorted, x) / n,
    (k) => (Number.isInteger(k) ? (countAtMost(sorted, k) - countAtMost(sorted, k - 1)) / n : 0),
  );
}
