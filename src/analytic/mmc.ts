/**
 * M/M/c (Erlang's delay system): Poisson arrivals, c exponential servers, FIFO, unlimited room.
 * Means: Kleinrock vol. 1 §3.5 (eq. 3.40 is Erlang C); Gross & Harris 4th ed. ch. 2. The wait has an
 * atom 1 - C at 0 and P(Wq > t) = C e^{-(c mu - lambda) t} (Gross & Harris ch. 2); the sojourn
 * time adds an independent Exp(mu) service time.
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger, checkProbability } from "./validate.ts";
import { logErlangCFromB, logInverseErlangB } from "./erlang.ts";
import { percentilesOf, survivalQuantile } from "./percentiles.ts";
import { losslessStation, unstableStation } from "./station.ts";

/** The few numbers every M/M/c figure is built from. */
export interface MmcCore {
  lambda: number;
  mu: number;
  servers: number;
  /** Erlang C, P(wait); 1 when unstable. */
  pWait: number;
  /** c mu - lambda, the decay rate of the conditional wait. */
  gap: number;
  stable: boolean;
}

/** Validates and computes Erlang C once. */
export function mmcCore(lambda: number, mu: number, servers: number): MmcCore {
  checkNonNegative("lambda", lambda);
  checkPositive("mu", mu);
  checkPositiveInteger("servers", servers);
  const a = lambda / mu;
  const gap = servers * mu - lambda;
  const stable = gap > 0;
  const pWait = stable ? Math.exp(logErlangCFromB(servers, a, logInverseErlangB(servers, a))) : 1;
  return { lambda, mu, servers, pWait, gap, stable };
}

/** ln((1 - e^{-x}) / x) for any real x (1 at x = 0). */
function logPhi(x: number): number {
  if (Math.abs(x) < 1e-8) return -x / 2;
  if (x > 0) return Math.log(-Math.expm1(-x) / x);
  // x < 0: (e^{|x|} - 1) / |x|, in logs to survive |x| > 709
  const ax = -x;
  return ax + Math.log1p(-Math.exp(-ax)) - Math.log(ax);
}

/**
 * P(Exp(gap) + Exp(mu) > t) = e^{-mu t} (1 + mu t (1 - e^{-(gap-mu) t}) / ((gap-mu) t)),
 * the hypoexponential survival written to stay exact when gap = mu (then (1 + mu t) e^{-mu t}).
 */
function hypoexponentialSurvival(gap: number, mu: number, t: number): number {
  if (t <= 0) return 1;
  const x = (gap - mu) * t;
  return Math.exp(-mu * t) + Math.exp(-mu * t + Math.log(mu * t) + logPhi(x));
}

/** P(Wq > t) from the core; see `mmcWaitSurvival`. */
export function coreWaitSurvival(core: MmcCore, t: number): number {
  if (!core.stable) return 1;
  if (t < 0) return 1;
  return core.pWait * Math.exp(-core.gap * t);
}

/** P(W > t) from the core; see `mmcSojournSurvival`. */
export function coreSojournSurvival(core: MmcCore, t: number): number {
  if (!core.stable) return 1;
  if (t <= 0) return 1;
  const c = core.pWait;
  return (1 - c) * Math.exp(-core.mu * t) + c * hypoexponentialSurvival(core.gap, core.mu, t);
}

/** P(Wq > t) = C e^{-(c mu - lambda) t} for M/M/c; 1 when unstable. */
export function mmcWaitSurvival(lambda: number, mu: number, servers: number, t: number): number {
  return coreWaitSurvival(mmcCore(lambda, mu, servers), t);
}

/** The service level P(Wq <= t): the fraction answered within t seconds (Erlang C). */
export function mmcServiceLevel(lambda: number, mu: number, servers: number, t: number): number {
  return 1 - mmcWaitSurvival(lambda, mu, servers, t);
}

/** P(W > t) for M/M/c: (1 - C) e^{-mu t} + C P(Exp(c mu - lambda) + Exp(mu) > t); 1 when unstable. */
export function mmcSojournSurvival(lambda: number, mu: number, servers: number, t: number): number {
  return coreSojournSurvival(mmcCore(lambda, mu, servers), t);
}

function coreWaitQuantile(core: MmcCore, q: number): number {
  if (!core.stable) return Infinity;
  if (q <= 1 - core.pWait) return 0;
  return Math.log(core.pWait / (1 - q)) / core.gap;
}

function coreSojournQuantile(core: MmcCore, q: number): number {
  if (!core.stable) return Infinity;
  const scale = 1 / core.mu + core.pWait / core.gap;
  return survivalQuantile((t) => coreSojournSurvival(core, t), q, scale);
}

/** The q-quantile of the M/M/c wait: 0 when q <= 1 - C, else ln(C / (1 - q)) / (c mu - lambda). */
export function mmcWaitQuantile(lambda: number, mu: number, servers: number, q: number): number {
  checkProbability("q", q);
  return coreWaitQuantile(mmcCore(lambda, mu, servers), q);
}

/** The q-quantile of the M/M/c sojourn time (numerical inversion of `mmcSojournSurvival`). */
export function mmcSojournQuantile(lambda: number, mu: number, servers: number, q: number): number {
  checkProbability("q", q);
  return coreSojournQuantile(mmcCore(lambda, mu, servers), q);
}

/**
 * M/M/c in full: pWait = C(c, a), Lq = C rho / (1 - rho), Wq = C / (c mu - lambda),
 * W = Wq + 1/mu, L = lambda W (Kleinrock vol. 1 §3.5). Unstable (lambda >= c mu):
 * Infinity means, `unstable: true`.
 * @param lambda arrivals per second, >= 0.
 * @param mu services per second per consumer, > 0.
 * @param servers c, a positive integer (tested to 100000).
 */
export function mmc(lambda: number, mu: number, servers: number): AnalyticResult {
  const core = mmcCore(lambda, mu, servers);
  const model = `M/M/${servers}`;
  const rho = lambda / (servers * mu);
  if (!core.stable) return unstableStation(model, true, rho, servers * mu);
  const Wq = core.pWait / core.gap;
  return {
    ...losslessStation(model, true, lambda, rho, core.pWait, Wq, 1 / mu),
    wait: percentilesOf((q) => coreWaitQuantile(core, q)),
    sojourn: percentilesOf((q) => coreSojournQuantile(core, q)),
  };
}

