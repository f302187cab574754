/**
 * M/G/1 mean values by the Pollaczek-Khinchine formula (Kleinrock vol. 1 ch. 5; Gross &
 * Harris 4th ed. ch. 5): Wq = lambda E[S^2] / (2 (1 - rho)) = rho (1 + cs^2) E[S] / (2 (1 - rho)),
 * with cs^2 the squared coefficient of variation of the service time. The P-K mean holds for
 * any service law; only the distribution of the wait needs more (see md1.ts, mmc.ts).
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger } from "./validate.ts";
import { losslessStation, unstableStation } from "./station.ts";

/** P-K means of M/G/1, shared by M/D/1, M/Ek/1 and M/G/1. */
export function pollaczekKhinchine(model: string, lambda: number, meanService: number, serviceScv: number): AnalyticResult {
  checkNonNegative("lambda", lambda);
  checkPositive("meanService", meanService);
  checkNonNegative("serviceScv", serviceScv);
  const rho = lambda * meanService;
  if (rho >= 1) return unstableStation(model, true, rho, 1 / meanService);
  const Wq = (rho * (1 + serviceScv) * meanService) / (2 * (1 - rho));
  return losslessStation(model, true, lambda, rho, rho, Wq, meanService);
}

/**
 * M/G/1 means (Pollaczek-Khinchine). Percentiles are omitted: a mean and an SCV do not fix
 * the law of the wait. Unstable (rho >= 1): Infinity means.
 * @param lambda arrivals per second, >= 0.
 * @param meanService E[S] in seconds, > 0.
 * @param serviceScv Var[S] / E[S]^2, >= 0.
 */
export function mg1(lambda: number, meanService: number, serviceScv: number): AnalyticResult {
  return pollaczekKhinchine("M/G/1", lambda, meanService, serviceScv);
}

/**
 * M/Ek/1 means: P-K with cs^2 = 1/k (Gross & Harris 4th ed. ch. 3). Percentiles omitted.
 * @param k Erlang phases, a positive integer.
 */
export function mek1(lambda: number, meanService: number, k: number): AnalyticResult {
  checkPositiveInteger("k", k);
  return pollaczekKhinchine(`M/E${k}/1`, lambda, meanService, 1 / k);
}
