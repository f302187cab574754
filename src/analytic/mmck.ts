/**
 * M/M/c/K: c exponential servers and room for K messages in all (K - c waiting); an arrival
 * that finds K present is refused. RabbitMQ's x-max-length q with c consumers (prefetch 1) is
 * K = q + c. Stationary law: Gross & Harris 4th ed. ch. 2 (M/M/c/K), Kleinrock vol. 1 ch. 3;
 * K = c is Erlang's loss system (M/M/c/c).
 *
 * Numerics: the states above c carry geometric weights rho^m, summed in closed form in log
 * space, and the part below c is (1 - B)/B from Erlang B, so c in the thousands, rho >= 1 and
 * K in the millions are all fine. The wait of an admitted message that finds c + m present is
 * Erlang(m + 1, c mu); its law is the mixture sum_m w_m P(Pois(c mu t) <= m), rewritten as
 * sum_j P(Pois(c mu t) = j) P(M >= j) and summed around its peak (see `logSumConcave`).
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger } from "./validate.ts";
import { logBelowOverTop, logInverseErlangB } from "./erlang.ts";
import { logGeometricSum, logGeometricTail, truncatedGeometricMean } from "./geometric.ts";
import { logAddExp, logPoisson, logSumConcave } from "./numeric.ts";
import { constantPercentiles, percentilesFromSurvival } from "./percentiles.ts";

interface MmckCore {
  lambda: number;
  mu: number;
  servers: number;
  capacity: number;
  /** ln rho, rho = lambda / (c mu). */
  logRho: number;
  /** ln of the normaliser, relative to the weight of state c. */
  logZ: number;
  /** P(an admitted message waits). */
  pWaitAdmitted: number;
  pBlock: number;
}

function core(lambda: number, mu: number, servers: number, capacity: number): MmckCore {
  checkNonNegative("lambda", lambda);
  checkPositive("mu", mu);
  checkPositiveInteger("servers", servers);
  checkPositiveInteger("capacity", capacity);
  if (capacity < servers) throw new RangeError(`invalid capacity: ${capacity} (must be >= servers = ${servers})`);
  const a = lambda / mu;
  // An offered load that underflows to 0 (lambda 1e-320) is an empty system, as lambda = 0 is.
  const idle = a === 0;
  // ln rho from 1 - rho = (c mu - lambda) / (c mu), exact near rho = 1.
  const logRho = idle ? -Infinity : Math.log1p(-(servers * mu - lambda) / (servers * mu));
  const logZ = idle ? Infinity : logAddExp(logBelowOverTop(logInverseErlangB(servers, a)), logGeometricSum(logRho, capacity - servers));
  if (idle) return { lambda, mu, servers, capacity, logRho, logZ, pWaitAdmitted: 0, pBlock: 0 };
  const pBlock = Math.exp((capacity - servers) * logRho - logZ);
  const pWaiting = Math.exp(logGeometricSum(logRho, capacity - servers - 1) - logZ);
  return { lambda, mu, servers, capacity, logRho, logZ, pWaitAdmitted: pWaiting / (1 - pBlock), pBlock };
}

/** P(Wq > t) for an admitted message of M/M/c/K (a mixture of Erlang(m+1, c mu) laws). */
function coreWaitSurvival(k: MmckCore, t: number): number {
  if (t < 0) return 1;
  const m = k.capacity - k.servers - 1;
  if (m < 0 || k.pWaitAdmitted === 0) return 0;
  if (t === 0) return k.pWaitAdmitted;
  const x = k.servers * k.mu * t;
  const logTotal = logGeometricSum(k.logRho, m);
  const f = (j: number): number => logPoisson(x, j) + logGeometricTail(k.logRho, j, m) - logTotal;
  return k.pWaitAdmitted * Math.exp(logSumConcave(f, 0, m));
}

/** P(W > t) for an admitted message: wait plus an independent Exp(mu) service. */
function coreSojournSurvival(k: MmckCore, t: number): number {
  if (t <= 0) return 1;
  const { mu, servers: c, logRho } = k;
  if (c === 1) {
    // Found n in 0..K-1 with weights rho^n: the sojourn is Erlang(n + 1, mu).
    const n = k.capacity - 1;
    const logTotal = logGeometricSum(logRho, n);
    const f = (j: number): number => logPoisson(mu * t, j) + logGeometricTail(logRho, j, n) - logTotal;
    return Math.exp(logSumConcave(f, 0, n));
  }
  // Erlang(m+1, c mu) + Exp(mu) exceeds t with probability
  // P(Pois(c mu t) <= m) + e^{-mu t} (c/(c-1))^{m+1} P(Pois((c-1) mu t) > m).
  const m = k.capacity - c - 1;
  const noWait = (1 - k.pWaitAdmitted) * Math.exp(-mu * t);
  if (m < 0 || k.pWaitAdmitted === 0) return noWait;
  const y = (c - 1) * mu * t;
  const logStep = Math.log(c / (c - 1));
  const logRatio2 = logRho + logStep;
  const logTotal = logGeometricSum(logRho, m);
  const f = (j: number): number => logPoisson(y, j) + logGeometricSum(logRatio2, Math.min(j - 1, m)) - logTotal;
  const late = Math.exp(Math.log(k.pWaitAdmitted) - mu * t + logStep + logSumConcave(f, 1, Infinity));
  return noWait + coreWaitSurvival(k, t) + late;
}

/** P(Wq > t) for a message admitted to M/M/c/K. */
export function mmckWaitSurvival(lambda: number, mu: number, servers: number, capacity: number, t: number): number {
  return coreWaitSurvival(core(lambda, mu, servers, capacity), t);
}

/** P(W > t) for a message admitted to M/M/c/K. */
export function mmckSojournSurvival(lambda: number, mu: number, servers: number, capacity: number, t: number): number {
  return coreSojournSurvival(core(lambda, mu, servers, capacity), t);
}

/**
 * M/M/c/K in full (Gross & Harris 4th ed. ch. 2): pBlock = p_K, throughput lambda (1 - p_K),
 * Lq = sum (n - c) p_n, L = Lq + lambda (1 - p_K) / mu, W = L / throughput, Wq = Lq / throughput,
 * pWait and the percentiles for admitted messages. Never unstable: rho may exceed 1.
 * @param servers c, a positive integer.
 * @param capacity K >= c, the most messages present (waiting + in service).
 */
export function mmck(lambda: number, mu: number, servers: number, capacity: number): AnalyticResult {
  const k = core(lambda, mu, servers, capacity);
  const lossOnly = capacity === servers;
  const model = lossOnly ? `M/M/${servers}/${servers} (Erlang B)` : `M/M/${servers}/${capacity}`;
  const rho = lambda / (servers * mu);
  if (lambda / mu === 0) {
    return {
      model, exact: true, rho: 0, throughput: lambda, utilization: 0, pWait: 0, pBlock: 0, pAbandon: 0,
      L: 0, Lq: 0, W: 1 / mu, Wq: 0, wait: constantPercentiles(0),
      sojourn: percentilesFromSurvival((t) => Math.exp(-mu * t), 1 / mu),
    };
  }
  const pAllBusy = Math.exp(logGeometricSum(k.logRho, capacity - servers) - k.logZ);
  const Lq = pAllBusy * truncatedGeometricMean(k.logRho, capacity - servers);
  const throughput = lambda * (1 - k.pBlock);
  const busy = throughput / mu;
  const L = Lq + busy;
  const scale = L / throughput;
  return {
    model,
    exact: true,
    rho,
    throughput,
    utilization: busy / servers,
    pWait: k.pWaitAdmitted,
    pBlock: k.pBlock,
    pAbandon: 0,
    L,
    Lq,
    W: L / throughput,
    Wq: Lq / throughput,
    wait: lossOnly ? constantPercentiles(0) : percentilesFromSurvival((t) => coreWaitSurvival(k, t), scale),
    sojourn: percentilesFromSurvival((t) => coreSojournSurvival(k, t), scale),
  };
}

/** M/M/c/c, Erlang's loss system: `mmck` with K = c (Erlang B blocking, no waiting). */
export function mmcc(lambda: number, mu: number, servers: number): AnalyticResult {
  return mmck(lambda, mu, servers, servers);
}

/** M/M/1/K: `mmck` with one server. */
export function mm1k(lambda: number, mu: number, capacity: number): AnalyticResult {
  return mmck(lambda, mu, 1, capacity);
}
