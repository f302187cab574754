/**
 * Erlang A (M/M/c+M, Palm 1943): c exponential servers, and a waiting message abandons after an
 * exponential patience with rate theta. This is a queue whose messages carry an exponential TTL
 * on the ready state. Birth-death rates lambda up, min(n, c) mu + (n - c)^+ theta down
 * (Garnett, Mandelbaum & Reiman 2002; Mandelbaum & Zeltyn 2007, "Service engineering in action:
 * the Palm/Erlang-A queue"). Always stable for theta > 0.
 *
 * With T_m = prod_{j=1}^{m} lambda / (c mu + j theta) (the weight of c + m present, relative to c):
 *   P(wait on arrival) = pi_c S,  S = sum_m T_m;   Lq = pi_c sum_m m T_m;
 *   P(abandon) = theta Lq / lambda;  an arrival finding m queued ahead is served with
 *   probability c mu / (c mu + (m+1) theta) and then waited E[V e^{-theta V}] / that, where
 *   V ~ sum_{i=0}^{m} Exp(c mu + i theta): mean wait of served messages =
 *   pi_c (c mu / lambda) sum_m T_{m+1} H_m / P(served), H_m = sum_{i=1}^{m+1} 1/(c mu + i theta).
 * The series are summed in log space around their peak (log-concave terms), so a tiny theta
 * (long TTL) or a heavy overload costs only the width of the peak.
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger } from "./validate.ts";
import { logBelowOverTop, logInverseErlangB } from "./erlang.ts";
import { digammaDifference, logAddExp, logGamma, logSumConcave } from "./numeric.ts";

/** Erlang A figures beyond the common shape. */
export interface ErlangAResult extends AnalyticResult {
  /** P(an arrival finds all consumers busy), served or not. */
  pWaitOnArrival: number;
  /** Mean time in queue over all arrivals, abandoning ones included (= Lq / lambda). */
  WqAll: number;
}

/**
 * Erlang A in full. `pWait` is the fraction of served messages that waited, `Wq` and `W` are
 * over served messages (DESIGN.md), `pAbandon` over all arrivals; no percentiles.
 * @param lambda arrivals per second, >= 0.
 * @param mu services per second per consumer, > 0.
 * @param servers c, a positive integer.
 * @param theta abandonment (TTL) rate per waiting message per second, > 0 (mean patience 1/theta).
 */
export function erlangA(lambda: number, mu: number, servers: number, theta: number): ErlangAResult {
  checkNonNegative("lambda", lambda);
  checkPositive("mu", mu);
  checkPositiveInteger("servers", servers);
  checkPositive("theta", theta);
  const c = servers;
  const model = `M/M/${c}+M (Erlang A)`;
  const rho = lambda / (c * mu);
  if (lambda === 0) {
    return { model, exact: true, rho: 0, throughput: 0, utilization: 0, pWait: 0, pBlock: 0, pAbandon: 0,
      L: 0, Lq: 0, W: 1 / mu, Wq: 0, pWaitOnArrival: 0, WqAll: 0 };
  }
  const x = lambda / theta;
  const y = (c * mu) / theta;
  const logX = Math.log(x);
  const logGammaY1 = logGamma(y + 1);
  const logT = (m: number): number => m * logX - (logGamma(y + m + 1) - logGammaY1);
  const logS = logSumConcave(logT, 0, Infinity);
  const logS1 = logSumConcave((m) => logT(m), 1, Infinity);
  const logMT = logSumConcave((m) => Math.log(m) + logT(m), 1, Infinity);
  const logH = (m: number): number => Math.log(digammaDifference(y + 1, y + m + 2)) - Math.log(theta);
  const logWaitServed = logSumConcave((m) => logT(m + 1) + logH(m), 0, Infinity);
  const logZ = logAddExp(logBelowOverTop(logInverseErlangB(c, lambda / mu)), logS);
  const logServiceOverLambda = Math.log((c * mu) / lambda);

  const pWaitOnArrival = Math.exp(logS - logZ);
  const Lq = Math.exp(logMT - logZ);
  const pAbandon = Math.min(1, (theta * Lq) / lambda);
  const pServed = 1 - pAbandon;
  const throughput = lambda * pServed;
  const pWaitedAndServed = Math.exp(logServiceOverLambda + logS1 - logZ);
  const Wq = Math.exp(logServiceOverLambda + logWaitServed - logZ) / pServed;
  return {
    model,
    exact: true,
    rho,
    throughput,
    utilization: throughput / (c * mu),
    pWait: pWaitedAndServed / pServed,
    pBlock: 0,
    pAbandon,
    L: Lq + throughput / mu,
    Lq,
    W: Wq + 1 / mu,
    Wq,
    pWaitOnArrival,
    WqAll: Lq / lambda,
  };
}
