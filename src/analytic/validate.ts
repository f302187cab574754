/** Parameter checks shared by the models. Each throws a RangeError naming the parameter and value. */

function fail(name: string, value: unknown, rule: string): never {
  throw new RangeError(`invalid ${name}: ${String(value)} (${rule})`);
}

/** A finite number >= 0 (rates, loads, times). `!(x >= 0)` also rejects NaN. */
export function checkNonNegative(name: string, value: number): number {
  if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) fail(name, value, "must be a finite number >= 0");
  return value;
}

/** A finite number > 0. */
export function checkPositive(name: string, value: number): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) fail(name, value, "must be a finite number > 0");
  return value;
}

/** A positive integer (number of consumers, phases, capacity in messages). */
export function checkPositiveInteger(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || !(value >= 1)) fail(name, value, "must be a positive integer");
  return value;
}

/** An integer >= 0. */
export function checkNonNegativeInteger(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || !(value >= 0)) fail(name, value, "must be an integer >= 0");
  return value;
}

/** A probability strictly between 0 and 1 (targets, quantile levels). */
export function checkOpenProbability(name: string, value: number): number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) fail(name, value, "must be between 0 and 1, exclusive");
  return value;
}

/** A probability in [0, 1]. */
export function checkProbability(name: string, value: number): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) fail(name, value, "must be between 0 and 1");
  return value;
}
