import { defineDistribution } from "./defineDistribution.ts";
import { regularizedGammaP } from "./gammaFunctions.ts";
import type { Distribution } from "./types.ts";
import { checkInteger, checkPositive } from "./validate.ts";

/** Parameters of `erlang`: `k` phases and the total `mean` (s). */
export interface ErlangParams {
  k: number;
  mean: number;
}

// Below this the running product of uniforms is folded into a log, so it never underflows.
const FOLD_BELOW = 1e-280;

/**
 * The Erlang-k distribution: the sum of k exponential phases of mean `mean / k` each, so
 * cv = 1 / sqrt(k). Sampled exactly as -theta ln(u_1 ... u_k) with k uniforms (Law, Simulation
 * Modeling and Analysis, 5th ed., section 8.3.3). The CDF is P(k, x k / mean).
 * @param params `k` an integer >= 1, `mean` > 0 (seconds), finite
 * @param path field path used in error messages
 */
export function erlang(params: ErlangParams, path = "service"): Distribution {
  const k = checkInteger(params.k, 1, `${path}.k`);
  const mean = checkPositive(params.mean, `${path}.mean`);
  const phaseMean = mean / k;
  return defineDistribution(
    "erlang",
    mean,
    mean * phaseMean,
    (random) => {
      let logSum = 0;
      let product = 1;
      for (let i = 0; i < k; i++) {
        // 1 - u is in (0, 1], so the product is positive and its log finite.
        product *= 1 - random();
        if (product < FOLD_BELOW) {
          logSum += Math.log(product);
          product = 1;
        }
      }
      return -phaseMean * (logSum + Math.log(product)) + 0;
    },
    (x) => regularizedGammaP(k, x / phaseMean),
  );
}
