import { checkNonEmptyArray } from "./validate.ts";

/**
 * Validates `samples` (a non-empty array whose every element passes `check(value, path[i])`)
 * and returns an ascending copy, which the empirical distributions both resample from and
 * use as their CDF.
 */
export function sortedSamples(
  samples: unknown,
  path: string,
  what: string,
  check: (value: unknown, path: string) => number,
): Float64Array {
  const list = checkNonEmptyArray(samples, path, what);
  const sorted = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) sorted[i] = check(list[i], `${path}[${i}]`);
  return sorted.sort();
}

/** The number of entries of the ascending array `sorted` that are <= x (binary search). */
export function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mean and population variance of `values` (two passes, so no cancellation). */
export function sampleMoments(values: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, variance: squares / values.length };
}
