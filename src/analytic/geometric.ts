/**
 * Truncated geometric sums in log space. The birth-death models with a finite waiting room
 * (M/M/c/K) weight the states above c by rho^m; these stay finite and accurate for rho near 1,
 * for rho > 1 and for huge K. `logRatio` is ln rho.
 */

import { log1mexp } from "./numeric.ts";

/** ln sum_{m=0}^{n} e^{m l}; -Infinity when n < 0. */
export function logGeometricSum(logRatio: number, n: number): number {
  if (n < 0) return -Infinity;
  const l = logRatio;
  if (l === 0) return Math.log(n + 1);
  const top = (n + 1) * l;
  if (l < 0) return log1mexp(-top) - log1mexp(-l);
  // (r^{n+1} - 1) / (r - 1) = r^{n+1} (1 - r^{-(n+1)}) / (r - 1)
  return top + log1mexp(top) - Math.log(Math.expm1(l));
}

/** ln sum_{m=j}^{n} e^{m l}; -Infinity when j > n. */
export function logGeometricTail(logRatio: number, j: number, n: number): number {
  if (j > n) return -Infinity;
  return j * logRatio + logGeometricSum(logRatio, n - j);
}

/** 1 / expm1(x) - 1 / x, smooth through x = 0 where it is -1/2. */
function reciprocalExcess(x: number): number {
  if (Math.abs(x) < 1e-4) return -0.5 + x / 12 - (x * x * x) / 720;
  if (x > 700) return -1 / x;
  return 1 / Math.expm1(x) - 1 / x;
}

/**
 * Mean of m under weights e^{m l} on m = 0..n (a truncated geometric distribution), written as
 * f(-l) - (n+1) f(-(n+1) l) with f(x) = 1/expm1(x) - 1/x so that rho = 1 is not a special case.
 */
export function truncatedGeometricMean(logRatio: number, n: number): number {
  if (n <= 0) return 0;
  return reciprocalExcess(-logRatio) - (n + 1) * reciprocalExcess(-(n + 1) * logRatio);
}
