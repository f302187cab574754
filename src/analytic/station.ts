/** Small builders shared by the single-station models. */

import type { AnalyticResult } from "./types.ts";
import { constantPercentiles } from "./percentiles.ts";

/**
 * The result of a queue whose backlog grows without bound (rho >= 1, nothing shedding load):
 * consumers are always busy, every message waits, and the means and percentiles are Infinity.
 * @param serviceRate the most the consumers can serve per second (c mu).
 */
export function unstableStation(model: string, exact: boolean, rho: number, serviceRate: number): AnalyticResult {
  return {
    model,
    exact,
    unstable: true,
    rho,
    throughput: serviceRate,
    utilization: 1,
    pWait: 1,
    pBlock: 0,
    pAbandon: 0,
    L: Infinity,
    Lq: Infinity,
    W: Infinity,
    Wq: Infinity,
    wait: constantPercentiles(Infinity),
    sojourn: constantPercentiles(Infinity),
  };
}

/** q-quantile of an exponential distribution with the given rate. */
export function exponentialQuantile(rate: number, q: number): number {
  return -Math.log1p(-q) / rate;
}

/**
 * The means of a stable station that loses nothing, from its mean wait (Little's law:
 * L = lambda W, Lq = lambda Wq; throughput lambda, utilization rho). Models add their
 * percentiles and notes.
 */
export function losslessStation(model: string, exact: boolean, lambda: number, rho: number, pWait: number, Wq: number, meanService: number): AnalyticResult {
  const W = Wq + meanService;
  return { model, exact, rho, throughput: lambda, utilization: rho, pWait, pBlock: 0, pAbandon: 0, L: lambda * W, Lq: lambda * Wq, W, Wq };
}

