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
