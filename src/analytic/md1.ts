/**
 * M/D/1: Poisson arrivals, constant service time D, one server.
 *
 * Means: Pollaczek-Khinchine with cs^2 = 0, Wq = rho D / (2 (1 - rho)).
 * Waiting-time law: Erlang's formula P(Wq <= t) = (1 - rho) sum_{k <= t/D} (lambda(kD - t))^k /
 * k! e^{-lambda(kD - t)} alternates in sign and loses all digits for large t or rho near 1.
 * Instead (Iversen & Staalhage 1999, Electronics Letters 35(25); Franx 2001) a message that
 * arrives at 0 waits at most kD + u (0 <= u < D) exactly when the number present at time
 * -(D - u), plus the Poisson(lambda (D - u)) arrivals since, is at most k + 1:
 *   P(Wq > kD + u) = sum_{j=0}^{k} P(J = j) T_{k+1-j} + P(J > k),  J ~ Poisson(rho (1 - u/D)),
 * with T_m = P(N > m) the stationary tail of the number present. T_m comes from the M/D/1 state
 * recursion Q_m = sum_{j=0}^{m} a_j Q_{m+1-j} (a_j Poisson(rho) terms) written for tails: all
 * its error modes are bounded, so T_m carries an absolute error near 1e-15; it is used while
 * T_m > 1e-8 and continued beyond by its exact geometric decay T_m ~ w^-m, w = e^s, where s
 * solves e^s = 1 + s / rho (the dominant pole of the P-K transform; Kleinrock vol. 1 ch. 5).
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkProbability } from "./validate.ts";
import { pollaczekKhinchine } from "./mg1.ts";
import { percentilesOf, shiftPercentiles, survivalQuantile } from "./percentiles.ts";
import { logPoisson } from "./numeric.ts";

const RELIABLE_TAIL = 1e-8;
const MAX_STORED = 200_000;

/** s > 0 solving e^s = 1 + s / rho, i.e. (e^s - 1 - s) / s = (1 - rho) / rho; rho in (0, 1). */
export function md1DecayExponent(rho: number): number {
  const target = (1 - rho) / rho;
  const excess = (s: number): number => (s < 1e-3 ? s / 2 + (s * s) / 6 + (s * s * s) / 24 : (Math.expm1(s) - s) / s);
  let lo = 0;
  let hi = 1;
  while (excess(hi) < target) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (excess(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Lazily extended tails T_m = P(N > m) of the M/D/1 number in system. */
function stateTails(rho: number): (m: number) => number {
  const a: number[] = [];
  for (let j = 0; j < 400; j++) {
    const v = Math.exp(logPoisson(rho, j));
    if (j > rho && v < 1e-300) break;
    a.push(v);
  }
  const last = a.length - 1;
  const tailA: number[] = new Array<number>(last + 1).fill(0);
  for (let m = last - 1; m >= 0; m--) tailA[m] = (tailA[m + 1] as number) + (a[m + 1] as number);
  const decay = md1DecayExponent(rho);
  const T: number[] = [rho];
  let frozen = false;
  const extend = (upTo: number): void => {
    while (!frozen && T.length <= upTo) {
      const m = T.length - 1;
      let s = (T[m] as number) - (m <= last ? (tailA[m] as number) : 0);
      for (let j = 1; j <= Math.min(m, last); j++) s -= (a[j] as number) * (T[m + 1 - j] as number);
      const next = s / (a[0] as number);
      if (!(next > RELIABLE_TAIL) || T.length >= MAX_STORED) frozen = true;
      else T.push(next);
    }
  };
  return (m: number): number => {
    if (m < 0) return 1;
    extend(m);
    if (m < T.length) return T[m] as number;
    const top = T.length - 1;
    return (T[top] as number) * Math.exp(-decay * (m - top));
  };
}

/** P(J > k) for J ~ Poisson(x), summed upwards so that small tails keep their digits. */
function poissonUpperTail(x: number, k: number): number {
  if (k === 0) return -Math.expm1(-x);
  let sum = 0;
  for (let j = k + 1; j < k + 400; j++) {
    const p = Math.exp(logPoisson(x, j));
    sum += p;
    if (p < 1e-300 || p < sum * 1e-17) break;
  }
  return sum;
}

function waitSurvivalFrom(tails: (m: number) => number, rho: number, D: number, t: number): number {
  if (t < 0) return 1;
  const units = t / D;
  const k = Math.floor(units);
  const x = rho * (1 - (units - k));
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    const p = Math.exp(logPoisson(x, j));
    sum += p * tails(k + 1 - j);
    if (j > x + 40 && p < 1e-300) break;
  }
  return Math.min(1, sum + (k > x + 400 ? 0 : poissonUpperTail(x, k)));
}

/** P(Wq > t) for M/D/1 with arrival rate lambda and service time D; 1 when unstable. */
export function md1WaitSurvival(lambda: number, D: number, t: number): number {
  checkNonNegative("lambda", lambda);
  checkPositive("D", D);
  const rho = lambda * D;
  if (rho >= 1) return 1;
  if (rho === 0) return 0;
  return waitSurvivalFrom(stateTails(rho), rho, D, t);
}

/** The q-quantile of the M/D/1 wait (0 when q <= 1 - rho). */
export function md1WaitQuantile(lambda: number, D: number, q: number): number {
  checkProbability("q", q);
  checkNonNegative("lambda", lambda);
  checkPositive("D", D);
  const rho = lambda * D;
  if (rho >= 1) return Infinity;
  if (q <= 1 - rho) return 0;
  const tails = stateTails(rho);
  return survivalQuantile((t) => waitSurvivalFrom(tails, rho, D, t), q, (rho * D) / (2 * (1 - rho)));
}

/**
 * M/D/1 in full: P-K means and exact wait/sojourn percentiles (sojourn = wait + D).
 * @param lambda arrivals per second, >= 0.
 * @param D the constant service time in seconds, > 0.
 */
export function md1(lambda: number, D: number): AnalyticResult {
  const result = pollaczekKhinchine("M/D/1", lambda, D, 0);
  if (result.unstable) return result;
  const rho = lambda * D;
  const tails = rho > 0 ? stateTails(rho) : () => 0;
  const scale = (rho * D) / (2 * (1 - rho)) + D;
  const wait = percentilesOf((q) => (q <= 1 - rho ? 0 : survivalQuantile((t) => waitSurvivalFrom(tails, rho, D, t), q, scale)));
  return { ...result, wait, sojourn: shiftPercentiles(wait, D), note: "wait law by the state-probability method (Iversen & Staalhage 1999)" };
}
