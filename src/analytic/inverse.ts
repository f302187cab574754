/**
 * Capacity questions turned around: the fewest consumers that meet a target, and the most load
 * a given number of consumers can take. M/M/c (Erlang C) for queueing targets, Erlang B for
 * blocking. Searches walk c upwards with the Erlang B recursion in log space (O(1) per step),
 * so each question costs at most `limit` steps; when the target cannot be met within the limit,
 * or at all, the answer is `servers: null` with the reason, never an endless loop.
 */

import type { RateResult, SizingResult } from "./types.ts";
import { checkNonNegative, checkOpenProbability, checkPositive, checkPositiveInteger } from "./validate.ts";
import { logErlangCFromB, logInverseErlangB } from "./erlang.ts";
import { coreSojournSurvival, coreWaitSurvival, type MmcCore } from "./mmc.ts";

/** Default upper limit of the consumer searches. */
export const MAX_SERVERS = 100_000;

/** A target for an M/M/c station (or an Erlang B trunk group for "blocking"). */
export type ServerTarget =
  /** P(wait) <= max. */
  | { kind: "pWait"; max: number }
  /** P(Wq <= withinS) >= fraction, e.g. 80% answered within 20 s. */
  | { kind: "serviceLevel"; fraction: number; withinS: number }
  /** The q-quantile of the wait <= maxS (q = 0.99 for p99). */
  | { kind: "waitPercentile"; q: number; maxS: number }
  /** The q-quantile of the sojourn (wait + service) <= maxS. */
  | { kind: "sojournPercentile"; q: number; maxS: number }
  | { kind: "meanWait"; maxS: number }
  | { kind: "meanSojourn"; maxS: number }
  /** Erlang B blocking <= max (consumers with no waiting room). */
  | { kind: "blocking"; max: number };

function checkTarget(t: ServerTarget): void {
  switch (t.kind) {
    case "pWait":
    case "blocking":
      checkOpenProbability(`${t.kind}.max`, t.max);
      break;
    case "serviceLevel":
      checkOpenProbability("serviceLevel.fraction", t.fraction);
      checkNonNegative("serviceLevel.withinS", t.withinS);
      break;
    case "waitPercentile":
    case "sojournPercentile":
      checkOpenProbability(`${t.kind}.q`, t.q);
      checkNonNegative(`${t.kind}.maxS`, t.maxS);
      break;
    case "meanWait":
    case "meanSojourn":
      checkNonNegative(`${t.kind}.maxS`, t.maxS);
      break;
  }
}

/** The figure the target constrains, and whether it is met, for one c. */
function evaluate(t: ServerTarget, lambda: number, mu: number, c: number, logInvB: number): { achieved: number; ok: boolean } {
  if (t.kind === "blocking") {
    const b = Math.exp(-logInvB);
    return { achieved: b, ok: b <= t.max };
  }
  const gap = c * mu - lambda;
  if (!(gap > 0)) return { achieved: t.kind === "serviceLevel" ? 0 : t.kind === "pWait" ? 1 : Infinity, ok: false };
  const pWait = Math.exp(logErlangCFromB(c, lambda / mu, logInvB));
  const core: MmcCore = { lambda, mu, servers: c, pWait, gap, stable: true };
  switch (t.kind) {
    case "pWait":
      return { achieved: pWait, ok: pWait <= t.max };
    case "serviceLevel": {
      const level = 1 - coreWaitSurvival(core, t.withinS);
      return { achieved: level, ok: level >= t.fraction };
    }
    case "waitPercentile": {
      const s = coreWaitSurvival(core, t.maxS);
      return { achieved: s, ok: s <= 1 - t.q };
    }
    case "sojournPercentile": {
      const s = coreSojournSurvival(core, t.maxS);
      return { achieved: s, ok: s <= 1 - t.q };
    }
    case "meanWait":
      return { achieved: pWait / gap, ok: pWait / gap <= t.maxS };
    case "meanSojourn":
      return { achieved: pWait / gap + 1 / mu, ok: pWait / gap + 1 / mu <= t.maxS };
  }
}

/** Why no number of consumers can meet the target, or undefined when some can. */
function impossible(t: ServerTarget, mu: number): string | undefined {
  if (t.kind === "meanSojourn" && t.maxS <= 1 / mu) return `mean sojourn ${t.maxS} s is not above the mean service time ${1 / mu} s`;
  if (t.kind === "sojournPercentile" && Math.exp(-mu * t.maxS) > 1 - t.q) {
    return `the service time alone exceeds ${t.maxS} s with probability ${Math.exp(-mu * t.maxS)} > ${1 - t.q}`;
  }
  return undefined;
}

/**
 * The smallest number of consumers c <= limit meeting the target for Poisson arrivals at lambda
 * and exponential service at mu (M/M/c; M/M/c/c for "blocking"). `achieved` is the constrained
 * figure at that c (P(wait), service level, P(W > maxS), mean, or blocking).
 */
export function minServers(lambda: number, mu: number, target: ServerTarget, limit = MAX_SERVERS): SizingResult {
  checkNonNegative("lambda", lambda);
  checkPositive("mu", mu);
  checkPositiveInteger("limit", limit);
  checkTarget(target);
  const why = impossible(target, mu);
  if (why) return { servers: null, reason: why };
  const a = lambda / mu;
  if (a === 0) return { servers: 1, achieved: evaluate(target, lambda, mu, 1, Infinity).achieved };
  const logA = Math.log(a);
  let logInvB = 0;
  for (let c = 1; c <= limit; c++) {
    const x = logInvB + Math.log(c) - logA;
    logInvB = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    const { achieved, ok } = evaluate(target, lambda, mu, c, logInvB);
    if (ok) return { servers: c, achieved };
  }
  return { servers: null, reason: `needs more than ${limit} consumers (offered load ${a} Erlangs)` };
}

/** Smallest c with Erlang C P(wait) <= maxPWait. */
export function serversForPWait(lambda: number, mu: number, maxPWait: number, limit = MAX_SERVERS): SizingResult {
  return minServers(lambda, mu, { kind: "pWait", max: maxPWait }, limit);
}

/** Smallest c with P(Wq <= withinS) >= fraction (e.g. 0.8 within 20 s). */
export function serversForServiceLevel(lambda: number, mu: number, fraction: number, withinS: number, limit = MAX_SERVERS): SizingResult {
  return minServers(lambda, mu, { kind: "serviceLevel", fraction, withinS }, limit);
}

/** Smallest c whose q-quantile wait (q = 0.99 for p99) is <= maxWaitS. */
export function serversForWaitPercentile(lambda: number, mu: number, q: number, maxWaitS: number, limit = MAX_SERVERS): SizingResult {
  return minServers(lambda, mu, { kind: "waitPercentile", q, maxS: maxWaitS }, limit);
}

/** Smallest number of trunks c with Erlang B blocking <= maxBlocking for `offeredLoad` Erlangs. */
export function trunksForBlocking(offeredLoad: number, maxBlocking: number, limit = MAX_SERVERS): SizingResult {
  return minServers(offeredLoad, 1, { kind: "blocking", max: maxBlocking }, limit);
}

/**
 * The largest arrival rate that `servers` consumers at rate mu serve within the target, by
 * bisection to a relative 1e-12 (queueing targets: below c mu; blocking: bracketed by doubling).
 * `lambda: null` with the reason when even a trickle of traffic misses the target.
 */
export function maxArrivalRate(servers: number, mu: number, target: ServerTarget): RateResult {
  checkPositiveInteger("servers", servers);
  checkPositive("mu", mu);
  checkTarget(target);
  const why = impossible(target, mu);
  if (why) return { lambda: null, reason: why };
  const test = (lambda: number): { achieved: number; ok: boolean } =>
    evaluate(target, lambda, mu, servers, lambda === 0 ? Infinity : logInverseErlangB(servers, lambda / mu));
  let lo = 0;
  let hi = servers * mu;
  if (target.kind === "blocking") {
    while (test(hi).ok) {
      lo = hi;
      hi *= 2;
      if (!Number.isFinite(hi)) return { lambda: lo, achieved: test(lo).achieved };
    }
  }
  if (!test(hi * 1e-15).ok) return { lambda: null, reason: "the target is missed even at a vanishing arrival rate" };
  lo = Math.max(lo, hi * 1e-15);
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = lo + (hi - lo) / 2;
    if (test(mid).ok) lo = mid;
    else hi = mid;
  }
  return { lambda: lo, achieved: test(lo).achieved };
}

/** The largest offered load (Erlangs) `trunks` can carry with Erlang B blocking <= maxBlocking. */
export function maxOfferedLoad(trunks: number, maxBlocking: number): number {
  const r = maxArrivalRate(trunks, 1, { kind: "blocking", max: maxBlocking });
  return r.lambda ?? 0;
}
