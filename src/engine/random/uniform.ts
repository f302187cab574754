import { defineDistribution } from "./defineDistribution.ts";
import type { Distribution } from "./types.ts";
import { checkNonNegative, checkNumber } from "./validate.ts";

/** Parameters of `uniform`: the interval [`min`, `max`) in seconds. */
export interface UniformParams {
  min: number;
  max: number;
}

/**
 * The continuous uniform distribution on [min, max). Sampled by inversion with one uniform:
 * `min + (max - min) * u`.
 * @param params `min` >= 0 and `max` > `min`, finite (seconds)
 * @param path field path used in error messages
 * @throws TypeError/RangeError naming `path.min` or `path.max`
 */
export function uniform(params: UniformParams, path = "service"): Distribution {
  const min = checkNonNegative(params.min, `${path}.min`);
  const max = checkNumber(params.max, `${path}.max`, `> min (${min})`, (x) => x > min);
  const width = max - min;
  return defineDistribution(
    "uniform",
    (min + max) / 2,
    (width * width) / 12,
    (random) => min + width * random(),
    (x) => (x <= min ? 0 : x >= max ? 1 : (x - min) / width),
  );
}
