import { defineDistribution } from "./defineDistribution.ts";
import { regularizedGammaP } from "./gammaFunctions.ts";
import { normalQuantile } from "./normal.ts";
import type { DistributionSpec } from "./spec.ts";
import type { Distribution, RandomSource } from "./types.ts";
import { checkPositive } from "./validate.ts";

/** Parameters of `gamma`: `mean` (s) + `cv`, or `shape` k + `scale` theta (s). */
export type GammaParams = Omit<Extract<DistributionSpec, { dist: "gamma" }>, "dist">;

/**
 * The gamma distribution with shape k and scale theta: mean k theta, variance k theta^2, so
 * cv = 1 / sqrt(k). Sampled by Marsaglia & Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000: a squeeze-accelerated rejection on a cubed normal, with
 * the normal drawn by AS 241 inversion (two uniforms per trial, about 1.02 trials on average
 * for k >= 1). For k < 1 it samples shape k + 1 and multiplies by u^(1/k) (the same paper,
 * section 6). The CDF is the regularized incomplete gamma function P(k, x / theta).
 * @param params `mean` > 0 and `cv` > 0 (shape 1/cv^2, scale mean cv^2); or `shape` > 0 and
 *   `scale` > 0. All finite; not both pairs.
 * @param path field path used in error messages
 */
export function gamma(params: GammaParams, path = "service"): Distribution {
  const byShape = params.shape !== undefined || params.scale !== undefined;
  const byMean = params.mean !== undefined || params.cv !== undefined;
  if (byShape && byMean) throw new TypeError(`${path}: gamma takes mean + cv or shape + scale, not both`);
  if (!byShape && !byMean) throw new TypeError(`${path}: gamma needs mean + cv or shape + scale`);
  let shape: number;
  let scale: number;
  if (byShape) {
    shape = checkPositive(params.shape, `${path}.shape`);
    scale = checkPositive(params.scale, `${path}.scale`);
  } else {
    const mean = checkPositive(params.mean, `${path}.mean`);
    const cv = checkPositive(params.cv, `${path}.cv`);
    shape = 1 / (cv * cv);
    scale = mean * cv * cv;
  }
  return defineDistribution(
    "gamma",
    shape * scale,
    shape * scale * scale,
    gammaSampler(shape, scale),
    (x) => regularizedGammaP(shape, x / scale),
  );
}

function gammaSampler(shape: number, scale: number): (random: RandomSource) => number {
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const dScale = d * scale;
  if (!boosted) return (random) => dScale * marsagliaTsang(d, c, random);
  const inverseShape = 1 / shape;
  return (random) => dScale * marsagliaTsang(d, c, random) * Math.exp(Math.log(random()) * inverseShape);
}

/** One Gamma(d + 1/3, 1) draw divided by d, for d >= 2/3 (Marsaglia & Tsang 2000, section 4). */
function marsagliaTsang(d: number, c: number, random: RandomSource): number {
  for (;;) {
    // u = 0 gives x = -Infinity and so v <= 0: rejected, never NaN.
    const x = normalQuantile(random());
    let v = 1 + c * x;
    if (!(v > 0)) continue;
    v = v * v * v;
    const u = random();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return v;
  }
}
