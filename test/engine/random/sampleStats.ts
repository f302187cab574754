// Helpers for the stochastic tests of the distributions. Each tolerance is derived here once
import { expect } from "vitest";
// and cited where it is used.
import jStatModule from "jstat";
import { createStream } from "../../../src/engine/rng.ts";
import type { Distribution, RandomSource } from "../../../src/engine/random/types.ts";

/** The jStat functions used as independent oracles (src/stats/jstat.d.ts declares only a few). */
export interface JStatOracle {
  gammafn(x: number): number;
  lowRegGamma(a: number, x: number): number;
  normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
  gamma: { cdf(x: number, shape: number, scale: number): number };
  lognormal: { cdf(x: number, mu: number, sigma: number): number };
  weibull: { cdf(x: number, scale: number, shape: number): number };
  pareto: { cdf(x: number, scale: number, shape: number): number };
}
export const jStat = jStatModule as unknown as JStatOracle;

/** Sample size of the moment and KS checks: large enough for 1% tolerances, fast enough (~5 ms a case). */
export const N = 200_000;

/** The fixed seed of every stochastic test. */
export const SEED = 20240601;

/** `n` draws of `dist` from the named stream of the fixed seed. */
export function draw(dist: Distribution, name: string, n = N): Float64Array {
  const random = createStream(SEED, name);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = dist.sample(random);
  return xs;
}

/** Sample mean and (n - 1) sample variance, two-pass. */
export function summarize(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) * (x - mean);
  return { mean, variance: squares / (xs.length - 1) };
}

/**
 * Four standard errors of a sample mean, 4 sqrt(variance / n). By the central limit theorem a
 * correct sampler misses this with probability 6e-5 (two-sided normal tail at 4 sigma).
 */
export function meanTolerance(variance: number, n: number): number {
  return 4 * Math.sqrt(variance / n);
}

/**
 * Four standard errors of a sample variance: Var(s^2) = (mu4 - sigma^4) / n + O(1/n^2), mu4 the
 * fourth central moment (Kendall & Stuart, The Advanced Theory of Statistics vol. 1, eq. 10.13),
 * so the same 6e-5 false-failure probability once s^2 is near normal.
 */
export function varianceTolerance(variance: number, fourthCentral: number, n: number): number {
  return 4 * Math.sqrt((fourthCentral - variance * variance) / n);
}

/** The fourth central moment from the raw moments E[X], E[X^2], E[X^3], E[X^4]. */
export function fourthCentralMoment([m1, m2, m3, m4]: readonly [number, number, number, number]): number {
  return m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
}

/** The Kolmogorov-Smirnov distance between the empirical CDF of `xs` and `cdf` (sorts `xs`). */
export function ksDistance(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/**
 * The KS critical value at alpha = 0.001 for large n: sqrt(ln(2 / alpha) / 2) / sqrt(n) =
 * 1.9495 / sqrt(n), from the Kolmogorov limit P(sqrt(n) D > c) ~ 2 exp(-2 c^2) (Smirnov 1948;
 * the 1.95 / sqrt(n) row of Massey, JASA 46, 1951, table 1). At n = 200000 it is 0.00436.
 */
export function ksCritical001(n: number): number {
  return Math.sqrt(Math.log(2 / 0.001) / 2) / Math.sqrt(n);
}

/** A random source that always returns `u` (to probe a sampler's inverse transform). */
export function constantSource(u: number): RandomSource {
  return () => u;
}

/** Wraps a source and counts how many uniforms were drawn from it. */
export function countingSource(random: RandomSource): { random: RandomSource; count: () => number } {
  let calls = 0;
  return {
    random: () => {
      calls++;
      return random();
    },
    count: () => calls,
  };
}

/** The largest value alea returns: 1 - 2^-32. */
export const LARGEST_UNIFORM = 1 - 2 ** -32;

/** Asserts that `fn` throws exactly an instance of `kind` with exactly `message`. */
export function expectThrows(fn: () => unknown, kind: typeof TypeError | typeof RangeError, message: string): void {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(kind);
  expect((error as Error).message).toBe(message);
}
