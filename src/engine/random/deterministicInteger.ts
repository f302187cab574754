import { defineIntegerDistribution, type IntegerDistribution } from "./integerDistribution.ts";
import { checkInteger } from "./validate.ts";

/** Parameters of the integer `deterministic`: the constant batch size `value`. */
export interface DeterministicIntegerParams {
  value: number;
}

/**
 * A constant batch size: every draw is `value`. Draws no random number.
 * @param params `value` an integer >= 1
 * @param path field path used in error messages
 */
export function deterministicInteger(params: DeterministicIntegerParams, path = "size"): IntegerDistribution {
  const value = checkInteger(params.value, 1, `${path}.value`);
  return defineIntegerDistribution(
    "deterministic",
    value,
    0,
    () => value,
    (x) => (x >= value ? 1 : 0),
    (n) => (n === value ? 1 : 0),
  );
}
