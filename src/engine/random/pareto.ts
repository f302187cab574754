import { defineDistribution } from "./defineDistribution.ts";
import type { DistributionSpec } from "./spec.ts";
import type { Distribution } from "./types.ts";
import { checkPositive, rangeFailure } from "./validate.ts";

/** Parameters of `pareto`: `shape` alpha with either `scale` x_m (s) or `mean` (s). */
export type ParetoParams = Omit<Extract<DistributionSpec, { dist: "pareto" }>, "dist">;

/**
 * The Pareto (type I) distribution, F(x) = 1 - (scale / x)^shape for x >= scale: support starts
 * at `scale`, this is not the Lomax (Pareto II) that starts at 0. The mean is finite only for
 * shape > 1 and the variance only for shape > 2 (Infinity otherwise).
 * Sampled by inversion with one uniform: `scale * (1 - u)^(-1 / shape)`.
 * @param params `shape` > 0 with `scale` > 0; or `shape` > 1 with `mean` > 0, which sets
 *   scale = mean (shape - 1) / shape. All finite.
 * @param path field path used in error messages
 * @throws TypeError when neither or both of scale and mean are given; RangeError on a bad value
 */
export function pareto(params: ParetoParams, path = "service"): Distribution {
  const shape = checkPositive(params.shape, `${path}.shape`);
  if (params.scale !== undefined && params.mean !== undefined) {
    throw new TypeError(`${path}: pareto takes shape + scale or shape + mean, not both`);
  }
  if (params.scale === undefined && params.mean === undefined) {
    throw new TypeError(`${path}: pareto needs scale or mean (with shape)`);
  }
  let scale: number;
  if (params.mean !== undefined) {
    const mean = checkPositive(params.mean, `${path}.mean`);
    if (!(shape > 1)) rangeFailure(`${path}.shape`, "pareto with a mean needs shape > 1", shape);
    scale = (mean * (shape - 1)) / shape;
  } else {
    scale = checkPositive(params.scale, `${path}.scale`);
  }
  const mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
  const variance = shape > 2 ? (scale * scale * shape) / ((shape - 1) * (shape - 1) * (shape - 2)) : Infinity;
  const exponent = -1 / shape;
  return defineDistribution(
    "pareto",
    mean,
    variance,
    // exp(log(1 - u) * exponent) rather than Math.pow: equal to rounding, and faster in V8.
    (random) => scale * Math.exp(Math.log(1 - random()) * exponent),
    (x) => (x > scale ? 1 - Math.pow(scale / x, shape) : 0),
  );
}
