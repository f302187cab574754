import { defineDistribution } from "./defineDistribution.ts";
import type { Distribution } from "./types.ts";
import { checkNonNegative } from "./validate.ts";

/** Parameters of `deterministic`: the constant `value` (s). */
export interface DeterministicParams {
  value: number;
}

/**
 * A constant: every sample is `value` (the D of M/D/1). Draws no random number.
 * @param params `value` >= 0 (seconds), finite
 * @param path field path used in error messages
 * @throws TypeError/RangeError naming `path.value` when the value is not a finite number >= 0
 */
export function deterministic(params: DeterministicParams, path = "service"): Distribution {
  const value = checkNonNegative(params.value, `${path}.value`);
  return defineDistribution(
    "deterministic",
    value,
    0,
    () => value,
    (x) => (x >= value ? 1 : 0),
  );
}
