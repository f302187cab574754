import { defineIntegerDistribution, type IntegerDistribution } from "./integerDistribution.ts";
import { checkAtLeast } from "./validate.ts";

/** Parameters of `geometric`: the `mean` batch size (>= 1). */
export interface GeometricParams {
  mean: number;
}

/**
 * The geometric distribution on 1, 2, ... with success probability p = 1 / mean:
 * P(N = n) = (1 - p)^(n - 1) p, variance (1 - p) / p^2. Sampled by inversion with one uniform,
 * N = 1 + floor(ln(1 - u) / ln(1 - p)) (Devroye, Non-Uniform Random Variate Generation, 1986,
 * section X.2). mean = 1 always gives 1.
 * @param params `mean` >= 1, finite
 * @param path field path used in error messages
 */
export function geometric(params: GeometricParams, path = "size"): IntegerDistribution {
  const mean = checkAtLeast(params.mean, 1, `${path}.mean`);
  const p = 1 / mean;
  const logFail = Math.log1p(-p);
  return defineIntegerDistribution(
    "geometric",
    mean,
    (1 - p) * mean * mean,
    p === 1 ? () => 1 : (random) => 1 + Math.floor(Math.log(1 - random()) / logFail),
    (x) => (x >= 1 ? -Math.expm1(Math.floor(x) * logFail) : 0),
    // n = 1 apart: with p = 1, (n - 1) * logFail would be 0 * -Infinity.
    (n) => (n === 1 ? p : Number.isInteger(n) && n > 1 ? p * Math.exp((n - 1) * logFail) : 0),
  );
}
