import { defineDistribution } from "./defineDistribution.ts";
import { lnGamma } from "./gammaFunctions.ts";
import type { Distribution } from "./types.ts";
import { checkPositive } from "./validate.ts";

/** Parameters of `weibull`: `shape` k (dimensionless) and `scale` lambda (s). */
export interface WeibullParams {
  shape: number;
  scale: number;
}

/**
 * The Weibull distribution, F(x) = 1 - exp(-(x / scale)^shape). Shape < 1 gives a decreasing
 * hazard (heavier tail than exponential), shape 1 is exponential, shape > 1 is more regular.
 * Sampled by inversion with one uniform: `scale * (-log(1 - u))^(1 / shape)`.
 * Moments: E[X^n] = scale^n Gamma(1 + n / shape) (Johnson, Kotz & Balakrishnan, Continuous
 * Univariate Distributions vol. 1, ch. 21).
 * @param params `shape` > 0, `scale` > 0 (seconds), finite
 * @param path field path used in error messages
 */
export function weibull(params: WeibullParams, path = "service"): Distribution {
  const shape = checkPositive(params.shape, `${path}.shape`);
  const scale = checkPositive(params.scale, `${path}.scale`);
  const inverseShape = 1 / shape;
  const m1 = scale * Math.exp(lnGamma(1 + inverseShape));
  const m2 = scale * scale * Math.exp(lnGamma(1 + 2 * inverseShape));
  // For tiny shapes Gamma(1 + 2 / shape) overflows: the variance is then Infinity, not NaN.
  const variance = m2 === Infinity ? Infinity : Math.max(0, m2 - m1 * m1);
  return defineDistribution(
    "weibull",
    m1,
    variance,
    // exp(log(e) / k) rather than Math.pow(e, 1 / k): equal to rounding, and faster in V8.
    (random) => scale * Math.exp(Math.log(0 - Math.log(1 - random())) * inverseShape),
    (x) => (x > 0 ? -Math.expm1(-Math.pow(x / scale, shape)) : 0),
  );
}
