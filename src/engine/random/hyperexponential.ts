import { defineDistribution } from "./defineDistribution.ts";
import type { Distribution } from "./types.ts";
import { checkAtLeast, checkPositive, rangeFailure } from "./validate.ts";

/** Parameters of `hyperexponential`: the `mean` (s) and the coefficient of variation `cv` >= 1. */
export interface HyperexponentialParams {
  mean: number;
  cv: number;
}

const BELOW_ONE = 1 - 2 ** -53;

/**
 * The two-phase hyperexponential H2 with balanced means (p1 / mu1 = p2 / mu2), the usual fit
 * of a mean and a cv >= 1: p1 = (1 + sqrt((cv^2 - 1) / (cv^2 + 1))) / 2, phase means
 * mean / (2 p_i) (Whitt, "Approximating a point process by a renewal process", Oper. Res. 1982;
 * Allen, Probability, Statistics and Queueing Theory, 2nd ed.). cv = 1 is exponential.
 * Sampled with one uniform: u < p1 picks phase 1 and u / p1 (or (u - p1) / p2) is again a
 * uniform, inverted in that phase's exponential.
 * @param params `mean` > 0 (seconds), `cv` >= 1, finite
 * @param path field path used in error messages
 */
export function hyperexponential(params: HyperexponentialParams, path = "service"): Distribution {
  const mean = checkPositive(params.mean, `${path}.mean`);
  if (typeof params.cv === "number" && !(params.cv >= 1)) {
    rangeFailure(`${path}.cv`, "hyperexponential needs cv >= 1", params.cv);
  }
  const cv = checkAtLeast(params.cv, 1, `${path}.cv`);
  const cv2 = cv * cv;
  // p2 = (1 - r) / 2 with r = sqrt((cv^2 - 1) / (cv^2 + 1)), written without cancellation.
  const p2 = 1 / ((cv2 + 1) * (1 + Math.sqrt((cv2 - 1) / (cv2 + 1))));
  const p1 = 1 - p2;
  const mean1 = mean / (2 * p1);
  const mean2 = mean / (2 * p2);
  return defineDistribution(
    "hyperexponential",
    mean,
    cv2 * mean * mean,
    (random) => {
      const u = random();
      if (u < p1) return 0 - mean1 * Math.log(1 - u / p1);
      // (u - p1) / p2 < 1 in exact arithmetic; the clamp guards against rounding.
      return 0 - mean2 * Math.log(1 - Math.min((u - p1) / p2, BELOW_ONE));
    },
    (x) => (x > 0 ? 1 - p1 * Math.exp(-x / mean1) - p2 * Math.exp(-x / mean2) : 0),
  );
}
