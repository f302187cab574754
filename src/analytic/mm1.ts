/**
 * M/M/1: Poisson arrivals at rate lambda, exponential service at rate mu, one server, FIFO.
 * Formulas: Kleinrock vol. 1 §3.2; Gross & Harris 4th ed. ch. 2. The waiting
 * time has an atom 1 - rho at 0 and P(Wq > t) = rho e^{-(mu - lambda) t}; the sojourn time is
 * exponential with rate mu - lambda (Gross & Harris ch. 2).
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkProbability } from "./validate.ts";
import { percentilesOf } from "./percentiles.ts";
import { exponentialQuantile, unstableStation } from "./station.ts";

function check(lambda: number, mu: number): void {
  checkNonNegative("lambda", lambda);
  checkPositive("mu", mu);
}

/** P(Wq > t) for M/M/1; 1 when unstable. */
export function mm1WaitSurvival(lambda: number, mu: number, t: number): number {
  check(lambda, mu);
  if (lambda >= mu) return 1;
  if (t < 0) return 1;
  return (lambda / mu) * Math.exp(-(mu - lambda) * t);
}

/** P(W > t), W the sojourn (wait + service) time of M/M/1; 1 when unstable. */
export function mm1SojournSurvival(lambda: number, mu: number, t: number): number {
  check(lambda, mu);
  if (lambda >= mu || t < 0) return 1;
  return Math.exp(-(mu - lambda) * t);
}

/** The q-quantile of the M/M/1 wait: 0 when q <= 1 - rho, else ln(rho / (1 - q)) / (mu - lambda). */
export function mm1WaitQuantile(lambda: number, mu: number, q: number): number {
  check(lambda, mu);
  checkProbability("q", q);
  if (lambda >= mu) return Infinity;
  const rho = lambda / mu;
  if (q <= 1 - rho) return 0;
  return Math.log(rho / (1 - q)) / (mu - lambda);
}

/** The q-quantile of the M/M/1 sojourn time, -ln(1 - q) / (mu - lambda). */
export function mm1SojournQuantile(lambda: number, mu: number, q: number): number {
  check(lambda, mu);
  checkProbability("q", q);
  if (lambda >= mu) return Infinity;
  return exponentialQuantile(mu - lambda, q);
}

/**
 * M/M/1 in full. rho = lambda/mu, L = rho/(1-rho), Lq = rho^2/(1-rho), W = 1/(mu-lambda),
 * Wq = rho/(mu-lambda) (Kleinrock vol. 1 eqs. 3.24, 3.26). Unstable (rho >= 1): Infinity means.
 * @param lambda arrivals per second, >= 0.
 * @param mu services per second of the one consumer, > 0.
 */
export function mm1(lambda: number, mu: number): AnalyticResult {
  check(lambda, mu);
  const rho = lambda / mu;
  if (rho >= 1) return unstableStation("M/M/1", true, rho, mu);
  const gap = mu - lambda;
  return {
    model: "M/M/1",
    exact: true,
    rho,
    throughput: lambda,
    utilization: rho,
    pWait: rho,
    pBlock: 0,
    pAbandon: 0,
    L: lambda / gap,
    Lq: (rho * lambda) / gap,
    W: 1 / gap,
    Wq: rho / gap,
    wait: percentilesOf((q) => mm1WaitQuantile(lambda, mu, q)),
    sojourn: percentilesOf((q) => mm1SojournQuantile(lambda, mu, q)),
  };
}
