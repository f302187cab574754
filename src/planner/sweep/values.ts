/** A value a sweep sets at a path: numbers mostly; words such as "unlimited" or "lifo" as strings. */
export type SweepValue = number | string | boolean | null;

/** Most values one sweep parameter may take. */
export const MAX_SWEEP_VALUES = 1000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function fail(list: string, reason: string): never {
  throw new RangeError(`invalid values ${JSON.stringify(list)}: ${reason}`);
}

function parseItem(item: string): SweepValue {
  if (NUMBER.test(item)) return Number(item);
  if (item === "null") return null;
  if (item === "true" || item === "false") return item === "true";
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(item);
  return quoted ? (quoted[1] ?? quoted[2] ?? "") : item;
}

function parseRange(list: string, parts: string[]): number[] {
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p))) fail(list, "expected a range START:STOP:STEP of numbers, e.g. 10:100:10");
  const [start, stop, step] = parts.map(Number) as [number, number, number];
  if (![start, stop, step].every(Number.isFinite)) fail(list, "the range must be finite numbers");
  if (step === 0) fail(list, "the step must not be 0");
  if ((stop - start) * step < 0) fail(list, `a step of ${step} never gets from ${start} to ${stop}${step > 0 ? "; use a negative step to count down" : ""}`);
  // The stop is included when a step lands on it, allowing for rounding (0.1:0.3:0.1).
  const count = Math.floor((stop - start) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_VALUES) fail(list, `${count} values (at most ${MAX_SWEEP_VALUES})`);
  return Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
}

/**
 * A sweep's values: a comma list (`1,2,4`, also words: `fifo,lifo`, `null`, `"unlimited"`) or
 * an inclusive range `START:STOP:STEP` (`10:100:10` is 10, 20, ..., 100; a negative step counts
 * down). At most 1000 values.
 * @throws RangeError naming the list and what is wrong with it.
 */
export function parseSweepValues(list: string): SweepValue[] {
  const text = list.trim();
  if (text === "") fail(list, "no values; give a list like 1,2,4 or a range like 10:100:10");
  if (text.includes(":") && !/^["']/.test(text)) return parseRange(list, text.split(":").map((p) => p.trim()));
  const items = text.split(",").map((p) => p.trim());
  const empty = items.findIndex((p) => p === "");
  if (empty >= 0) fail(list, `value ${empty + 1} is empty`);
  if (items.length > MAX_SWEEP_VALUES) fail(list, `${items.length} values (at most ${MAX_SWEEP_VALUES})`);
  return items.map(parseItem);
}
