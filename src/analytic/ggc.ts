/**
 * Two-moment approximations for renewal arrivals (exact: false).
 * Kingman (1961) for G/G/1: Wq ~ E[S] (rho / (1 - rho)) (ca^2 + cs^2) / 2.
 * Allen-Cunneen (Allen 1990, "Probability, Statistics and Queueing Theory"; Bolch et al.
 * "Queueing Networks and Markov Chains" 2nd ed., ch. 6, GI/G/m approximations): Wq ~ Wq(M/M/c) (ca^2 + cs^2) / 2,
 * where Wq(M/M/c) = C(c, a) / (c mu - lambda) uses the EXACT Erlang C, not an approximation of it.
 * Both reduce to the exact M/M/c (and M/M/1) when ca^2 = cs^2 = 1.
 *
 * Percentiles: the wait is approximated as 0 with probability 1 - P(wait) and otherwise
 * exponential with mean Wq / P(wait), with P(wait) the Erlang C value (rho for c = 1). This is
 * exact for M/M/c and the usual exponential-tail approximation for G/G/c (Tijms, "A First Course
 * in Stochastic Models" 2003, ch. 5; Whitt 1993); it is labelled as approximate. No sojourn
 * percentiles: the service law is not known from two moments.
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger } from "./validate.ts";
import { mmcCore } from "./mmc.ts";
import { constantPercentiles, percentilesOf } from "./percentiles.ts";
import { losslessStation, unstableStation } from "./station.ts";

function approximateWait(pWait: number, Wq: number): AnalyticResult["wait"] {
  if (Wq === 0 || pWait === 0) return constantPercentiles(0);
  const rate = pWait / Wq;
  return percentilesOf((q) => (q <= 1 - pWait ? 0 : Math.log(pWait / (1 - q)) / rate));
}

/**
 * G/G/c by Allen-Cunneen (G/G/1 by Kingman when c = 1; the same formula).
 * @param lambda arrivals per second, >= 0.
 * @param arrivalScv ca^2 of inter-arrival times, >= 0.
 * @param meanService E[S] in seconds, > 0.
 * @param serviceScv cs^2, >= 0.
 * @param servers c, a positive integer.
 * @param arrivals model-name letter for the arrivals ("G" or "M").
 */
export function allenCunneen(lambda: number, arrivalScv: number, meanService: number, serviceScv: number, servers: number, arrivals = "G", service = "G"): AnalyticResult {
  checkNonNegative("arrivalScv", arrivalScv);
  checkNonNegative("serviceScv", serviceScv);
  checkPositive("meanService", meanService);
  checkPositiveInteger("servers", servers);
  const name = servers === 1 ? `${arrivals}/${service}/1 (Kingman)` : `${arrivals}/${service}/${servers} (Allen-Cunneen)`;
  const mu = 1 / meanService;
  const core = mmcCore(lambda, mu, servers);
  const rho = lambda / (servers * mu);
  if (!core.stable) return unstableStation(name, false, rho, servers * mu);
  const factor = (arrivalScv + serviceScv) / 2;
  const Wq = (core.pWait / core.gap) * factor;
  return {
    ...losslessStation(name, false, lambda, rho, core.pWait, Wq, meanService),
    wait: approximateWait(core.pWait, Wq),
    note: "two-moment approximation; P(wait) is the exact M/M/c Erlang C; wait percentiles assume an exponential conditional wait",
  };
}

/** G/G/1 by Kingman's formula (`allenCunneen` with one server). */
export function kingman(lambda: number, arrivalScv: number, meanService: number, serviceScv: number): AnalyticResult {
  return allenCunneen(lambda, arrivalScv, meanService, serviceScv, 1);
}
