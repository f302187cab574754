/**
 * Infinite-server stations (every message starts service at once): M/M/inf and its
 * insensitive generalisation G/G/inf. The number present in M/G/inf is Poisson(lambda E[S])
 * whatever the service law (Gross & Harris 4th ed. ch. 2; Kleinrock vol. 1 §3.4); the sojourn
 * time is the service time, so its percentiles are those of the service law.
 */

import type { AnalyticResult, ServiceKind } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger } from "./validate.ts";
import { constantPercentiles, percentilesOf } from "./percentiles.ts";
import { serviceQuantile } from "./service.ts";

/**
 * An infinite-server station with any arrival process and any service law: L = lambda E[S]
 * (Little), W = E[S], no waiting. Sojourn percentiles when the service kind is known.
 * @param lambda messages per second, >= 0.
 * @param meanService mean service time in seconds, > 0.
 * @param kind service law, "general" when only the mean is known.
 * @param arrivals model-name letter of the arrivals ("M", "G", "M^X"); only changes the name.
 */
export function ggInf(lambda: number, meanService: number, kind: ServiceKind = "exponential", erlangK = 1, arrivals = "M"): AnalyticResult {
  checkNonNegative("lambda", lambda);
  checkPositive("meanService", meanService);
  if (kind === "erlang") checkPositiveInteger("erlangK", erlangK);
  const letter = { exponential: "M", deterministic: "D", erlang: `E${erlangK}`, general: "G" }[kind];
  const load = lambda * meanService;
  const result: AnalyticResult = {
    model: `${arrivals}/${letter}/inf`,
    exact: true,
    throughput: lambda,
    busyServers: load,
    pWait: 0,
    pBlock: 0,
    pAbandon: 0,
    L: load,
    Lq: 0,
    W: meanService,
    Wq: 0,
    wait: constantPercentiles(0),
  };
  if (kind !== "general") result.sojourn = percentilesOf((q) => serviceQuantile(kind, meanService, q, erlangK) as number);
  return result;
}

/** M/M/inf: L = lambda / mu, W = 1 / mu, sojourn ~ Exp(mu). Never unstable. */
export function mmInf(lambda: number, mu: number): AnalyticResult {
  checkPositive("mu", mu);
  return ggInf(lambda, 1 / mu, "exponential");
}
