import { defineDistribution } from "./defineDistribution.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import type { DistributionSpec } from "./spec.ts";
import type { Distribution } from "./types.ts";
import { checkFinite, checkPositive } from "./validate.ts";

/** Parameters of `lognormal`: `mean` (s) + `cv`, or the log-scale `mu` + `sigma`. */
export type LognormalParams = Omit<Extract<DistributionSpec, { dist: "lognormal" }>, "dist">;

/**
 * The lognormal distribution: exp(mu + sigma Z) with Z standard normal. From a mean and cv,
 * sigma^2 = ln(1 + cv^2) and mu = ln(mean) - sigma^2 / 2 (Johnson, Kotz & Balakrishnan vol. 1,
 * ch. 14). Sampled by inversion with one uniform, Z = Phi^-1(u) by Wichura's AS 241
 * (u = 0 gives 0). The CDF is Phi((ln x - mu) / sigma).
 * @param params `mean` > 0 and `cv` > 0; or `mu` (any finite number, log-seconds) and
 *   `sigma` > 0. All finite; not both pairs.
 * @param path field path used in error messages
 */
export function lognormal(params: LognormalParams, path = "service"): Distribution {
  const byLog = params.mu !== undefined || params.sigma !== undefined;
  const byMean = params.mean !== undefined || params.cv !== undefined;
  if (byLog && byMean) throw new TypeError(`${path}: lognormal takes mean + cv or mu + sigma, not both`);
  if (!byLog && !byMean) throw new TypeError(`${path}: lognormal needs mean + cv or mu + sigma`);
  let mu: number;
  let sigma: number;
  if (byLog) {
    mu = checkFinite(params.mu, `${path}.mu`);
    sigma = checkPositive(params.sigma, `${path}.sigma`);
  } else {
    const mean = checkPositive(params.mean, `${path}.mean`);
    const cv = checkPositive(params.cv, `${path}.cv`);
    const sigma2 = Math.log1p(cv * cv);
    sigma = Math.sqrt(sigma2);
    mu = Math.log(mean) - sigma2 / 2;
  }
  const sigma2 = sigma * sigma;
  const mean = Math.exp(mu + sigma2 / 2);
  return defineDistribution(
    "lognormal",
    mean,
    Math.expm1(sigma2) * mean * mean,
    (random) => Math.exp(mu + sigma * normalQuantile(random())),
    (x) => (x > 0 ? normalCdf((Math.log(x) - mu) / sigma) : 0),
  );
}
