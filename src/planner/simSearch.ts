import type { Scenario } from "../scenario/types.ts";
import { withConsumers } from "./edit.ts";
import { boundedRun, simulatePoint, type PlanSimulation } from "./simulate.ts";
import { evaluateSimulated, type SimulatedTerm, type Verdict } from "./slo/evaluate.ts";
import type { Slo } from "./slo/types.ts";

/** The SLO checked by simulation at one consumer count. */
export interface SimulatedCheck {
  consumers: number;
  verdict: Verdict;
  terms: SimulatedTerm[];
}

/** Answer of the simulated search: the smallest count whose simulation clearly meets the SLO. */
export interface SimulatedSizing {
  consumers: number | null;
  at?: SimulatedCheck;
  /** The check at consumers - 1 (fails, or close: too close to tell). */
  fewer?: SimulatedCheck;
  /** Every count simulated, in the order they were run. */
  checks: SimulatedCheck[];
  reason?: string;
  /** true when even `limit` consumers fail in simulation. */
  impossible?: boolean;
}

/** Bounds of a simulated search. */
export interface SimSearchOptions {
  bounds: PlanSimulation;
  /** Most consumers tried. */
  limit: number;
  /** Most simulations run (each is bounded by `bounds`). */
  maxRuns: number;
}

/**
 * The smallest consumer count whose simulation clearly meets the SLO (its 95% intervals
 * inside every bound), starting from `start` (the analytic answer, or the stability bound).
 * Downwards one at a time while the count below also meets; upwards by galloping (+1, +2,
 * +4, ...) and then bisection when `start` does not. The count below the answer is always
 * simulated too, so the answer can say whether it fails or is too close to tell. At most
 * `maxRuns` simulations and never more than `limit` consumers: it always ends.
 */
export function simulatedSizing(scenario: Scenario, id: string, slo: Slo, start: number, options: SimSearchOptions): SimulatedSizing {
  const checks = new Map<number, SimulatedCheck>();
  const order: SimulatedCheck[] = [];
  const at = (c: number): SimulatedCheck => {
    let check = checks.get(c);
    if (!check) {
      const point = simulatePoint(boundedRun(withConsumers(scenario, id, c), options.bounds));
      check = { consumers: c, ...evaluateSimulated(slo, point, id) };
      checks.set(c, check);
      order.push(check);
    }
    return check;
  };
  const budget = () => order.length < options.maxRuns;
  const begin = Math.max(1, Math.min(start, options.limit));
  let answer: number;
  if (at(begin).verdict === "meets") {
    answer = begin;
    while (answer > 1 && budget() && at(answer - 1).verdict === "meets") answer--;
  } else {
    const up = searchUp(at, begin, options.limit, budget);
    if (typeof up === "string") {
      const impossible = up === "limit";
      const reason = impossible
        ? `no consumer count up to ${options.limit} meets it in simulation`
        : `no consumer count up to ${order[order.length - 1]!.consumers} met it within ${options.maxRuns} simulations`;
      return { consumers: null, checks: order, reason, ...(impossible ? { impossible } : {}) };
    }
    answer = up;
  }
  const fewer = answer > 1 ? at(answer - 1) : undefined;
  return { consumers: answer, at: at(answer), ...(fewer ? { fewer } : {}), checks: order };
}

/** Gallops up from `lo` (which does not meet) and bisects: the smallest count that meets, or why none was found. */
function searchUp(at: (c: number) => SimulatedCheck, from: number, limit: number, budget: () => boolean): number | "limit" | "budget" {
  let lo = from;
  let hi = 0;
  for (let step = 1; hi === 0; step *= 2) {
    if (lo >= limit) return "limit";
    if (!budget()) return "budget";
    const c = Math.min(limit, lo + step);
    if (at(c).verdict === "meets") hi = c;
    else lo = c;
  }
  while (hi - lo > 1 && budget()) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (at(mid).verdict === "meets") hi = mid;
    else lo = mid;
  }
  return hi;
}
