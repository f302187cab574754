/** Quantiles of the service-time laws the models know by name. */

import type { ServiceKind } from "./types.ts";
import { logPoisson } from "./numeric.ts";
import { survivalQuantile } from "./percentiles.ts";
import { exponentialQuantile } from "./station.ts";

/** P(S > t) for S ~ Erlang(k) with the given mean: P(Pois(k t / mean) <= k - 1). */
export function erlangSurvival(k: number, mean: number, t: number): number {
  if (t <= 0) return 1;
  const x = (k * t) / mean;
  let sum = 0;
  for (let j = 0; j < k; j++) sum += Math.exp(logPoisson(x, j));
  return Math.min(1, sum);
}

/**
 * The q-quantile of a service time of a known kind, or undefined for "general" (the law is not
 * known from a mean and an SCV).
 */
export function serviceQuantile(kind: ServiceKind, mean: number, q: number, erlangK = 1): number | undefined {
  switch (kind) {
    case "exponential":
      return exponentialQuantile(1 / mean, q);
    case "deterministic":
      return mean;
    case "erlang":
      return survivalQuantile((t) => erlangSurvival(erlangK, mean, t), q, mean);
    case "general":
      return undefined;
  }
}
