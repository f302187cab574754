/** Percentiles from survival functions, by bracketing and bisection. */

import type { Percentiles } from "./types.ts";

/** The levels reported in every `wait` and `sojourn` block. */
export const PERCENTILE_LEVELS = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, p999: 0.999 } as const;

const MAX_DOUBLINGS = 1100;
const MAX_STEPS = 300;

/**
 * The q-quantile of a non-negative random variable from its survival function
 * S(t) = P(X > t), non-increasing: the smallest t with S(t) <= 1 - q, to a relative 1e-13 in t or
 * 1e-12 in S. `scale` is a typical size (a mean) to start the bracket from. Returns 0 when the atom at 0
 * already covers q, and Infinity when S never falls to 1 - q.
 *
 * Method: bracket by doubling, then the Illinois variant of regula falsi on ln S(t) - ln(1 - q)
 * (nearly linear in t for the tails met here), falling back to bisection whenever a step would
 * not shrink the bracket; a handful of evaluations instead of fifty bisections.
 */
export function survivalQuantile(survival: (t: number) => number, q: number, scale: number): number {
  const target = 1 - q;
  if (survival(0) <= target) return 0;
  const logTarget = Math.log(target);
  const g = (t: number): number => Math.log(survival(t)) - logTarget;
  let lo = 0;
  let hi = scale > 0 && Number.isFinite(scale) ? scale : 1;
  let glo = g(lo);
  let ghi = g(hi);
  for (let doublings = 0; ghi > 0; doublings++) {
    lo = hi;
    glo = ghi;
    hi *= 2;
    if (doublings > MAX_DOUBLINGS || !Number.isFinite(hi)) return Infinity;
    ghi = g(hi);
  }
  let kept = 0;
  for (let i = 0; i < MAX_STEPS && hi - lo > 1e-13 * hi; i++) {
    let mid = Number.isFinite(glo) && Number.isFinite(ghi) && glo > ghi ? hi - (ghi * (hi - lo)) / (ghi - glo) : NaN;
    const width = hi - lo;
    if (!(mid > lo && mid < hi) || i % 8 === 7) mid = lo + width / 2;
    const gm = g(mid);
    // ln S within 1e-12 of ln(1 - q): S is matched to 12 digits.
    if (Math.abs(gm) <= 1e-12) return mid;
    if (gm > 0) {
      lo = mid;
      glo = gm;
      if (kept === 1) ghi /= 2;
      kept = 1;
    } else {
      hi = mid;
      ghi = gm;
      if (kept === -1) glo /= 2;
      kept = -1;
    }
  }
  return hi;
}

/** The standard percentile block from a quantile function. */
export function percentilesOf(quantile: (q: number) => number): Percentiles {
  return {
    p50: quantile(PERCENTILE_LEVELS.p50),
    p90: quantile(PERCENTILE_LEVELS.p90),
    p95: quantile(PERCENTILE_LEVELS.p95),
    p99: quantile(PERCENTILE_LEVELS.p99),
    p999: quantile(PERCENTILE_LEVELS.p999),
  };
}

/** The standard percentile block from a survival function (see `survivalQuantile`). */
export function percentilesFromSurvival(survival: (t: number) => number, scale: number): Percentiles {
  return percentilesOf((q) => survivalQuantile(survival, q, scale));
}

/** Every percentile equal to `value` (0 for no wait, Infinity for an unstable queue, D for M/D/inf). */
export function constantPercentiles(value: number): Percentiles {
  return { p50: value, p90: value, p95: value, p99: value, p999: value };
}

/** Percentiles shifted by a constant (a deterministic service time added to the wait). */
export function shiftPercentiles(p: Percentiles, by: number): Percentiles {
  const out: Percentiles = { p50: p.p50 + by, p90: p.p90 + by, p95: p.p95 + by, p99: p.p99 + by };
  if (p.p999 !== undefined) out.p999 = p.p999 + by;
  return out;
}
