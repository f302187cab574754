/**
 * Parameter checks shared by the distribution factories and the arrival processes. Every error
 * names the field path and the value it got (STYLE.md, "Errors"): a `TypeError` when the value
 * is not a number at all, a `RangeError` when it is a number outside the valid range. Comparisons
 * are written `!(x > 0)` so NaN fails them.
 */

/** A short, readable rendering of any value for an error message (strings quoted, long values cut). */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function expected(path: string, what: string, value: unknown): string {
  return `${path}: expected ${what}, got ${describeValue(value)}`;
}

/**
 * Checks that `value` is a finite number satisfying `isValid`, described to the user as
 * "a number `bound`" (e.g. `"> 0"`, `">= 1"`). Returns the number.
 * @throws TypeError when `value` is not a number; RangeError when it is NaN, infinite or out of range.
 */
export function checkNumber(value: unknown, path: string, bound: string, isValid: (x: number) => boolean): number {
  const suffix = bound === "" ? "" : ` ${bound}`;
  if (typeof value !== "number") throw new TypeError(expected(path, `a number${suffix}`, value));
  if (value === Infinity || value === -Infinity) throw new RangeError(expected(path, `a finite number${suffix}`, value));
  if (!isValid(value)) throw new RangeError(expected(path, `a number${suffix}`, value));
  return value;
}

/** A finite number > 0. */
export function checkPositive(value: unknown, path: string): number {
  return checkNumber(value, path, "> 0", (x) => x > 0);
}

/** A finite number >= 0. */
export function checkNonNegative(value: unknown, path: string): number {
  return checkNumber(value, path, ">= 0", (x) => x >= 0);
}

/** A finite number >= `min`. */
export function checkAtLeast(value: unknown, min: number, path: string): number {
  return checkNumber(value, path, `>= ${min}`, (x) => x >= min);
}

/** Any finite number. */
export function checkFinite(value: unknown, path: string): number {
  return checkNumber(value, path, "", (x) => !Number.isNaN(x));
}

/** An integer >= `min`. */
export function checkInteger(value: unknown, min: number, path: string): number {
  if (typeof value !== "number") throw new TypeError(expected(path, `an integer >= ${min}`, value));
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(expected(path, `an integer >= ${min}`, value));
  return value;
}

/** A non-empty array (its elements are checked by the caller, with paths `path[i]`). */
export function checkNonEmptyArray(value: unknown, path: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new TypeError(expected(path, `a non-empty array of ${what}`, value));
  if (value.length === 0) throw new RangeError(expected(path, `a non-empty array of ${what}`, value));
  return value;
}

/** A plain object (a spec, a step, a state). */
export function checkObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(expected(path, what, value));
  }
  return value as Record<string, unknown>;
}

/** Throws a RangeError with a message of the form `path: what, got value`. */
export function rangeFailure(path: string, what: string, value: unknown): never {
  throw new RangeError(`${path}: ${what}, got ${describeValue(value)}`);
}
