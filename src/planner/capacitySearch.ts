import type { Scenario } from "../scenario/types.ts";
import { analyticView } from "./analyticView.ts";
import { withCapacity } from "./edit.ts";
import { formatFigure } from "./figures.ts";
import { evaluateAnalytic, type AnalyticTerm, type SimulatedTerm, type Verdict } from "./slo/evaluate.ts";
import { metricLabel, type Slo } from "./slo/types.ts";

/** What the analytic model says at one capacity (the `analytic` block of a capacity answer). */
export interface CapacityAnalytic {
  model: string;
  exact: boolean;
  note?: string;
  capacity: number;
  verdict: "meets" | "fails" | null;
  terms: AnalyticTerm[];
}

/** The SLO checked by simulation at one capacity. */
export interface CapacityCheck {
  capacity: number;
  verdict: Verdict;
  terms: SimulatedTerm[];
}

/**
 * The wait quantile a simulated capacity search starts from: 1 - epsilon for the SLO's drop
 * bound epsilon (clamped to [1e-6, 0.5]; 0.999 without one).
 */
export function startQuantile(slo: Slo): number {
  const drop = slo.terms.find((t) => t.metric.kind === "dropped");
  return 1 - Math.min(0.5, Math.max(1e-6, drop?.value ?? 0.001));
}

/** The analytic model of queue `id` at capacity `capacity` (the rest as given), or why there is none. */
export function analyticCapacityAt(scenario: Scenario, id: string, slo: Slo, capacity: number): CapacityAnalytic | string {
  const a = analyticView(withCapacity(scenario, id, capacity), id);
  if (!a.view) return a.reason;
  const r = a.view.result;
  const { terms, verdict } = evaluateAnalytic(slo, a.view);
  return { model: r.model, exact: r.exact, ...(r.note ? { note: r.note } : {}), capacity, verdict, terms };
}

/** Answer of the analytic capacity search. */
export interface AnalyticCapacity {
  value: number | null;
  at?: CapacityAnalytic;
  reason?: string;
  /** true when an exact model misses the SLO even at the limit. */
  impossible?: boolean;
}

/**
 * The smallest capacity in [0, limit] whose analytic model meets every term it gives, by
 * galloping (0, 1, 3, 7, ...) then bisection: O(log limit) models. Assumes, as for M/M/c/K,
 * that a larger capacity refuses fewer messages (the binding term) and makes the wait
 * longer, which only matters beyond the capacity the consumers were sized at.
 */
export function analyticCapacity(scenario: Scenario, id: string, slo: Slo, limit: number): AnalyticCapacity {
  const checks = new Map<number, CapacityAnalytic | string>();
  const at = (k: number) => {
    if (!checks.has(k)) checks.set(k, analyticCapacityAt(scenario, id, slo, k));
    return checks.get(k)!;
  };
  let lo = -1;
  let hi: number;
  for (let step = 1, k = 0; ; step *= 2) {
    const check = at(k);
    if (typeof check === "string") return { value: null, reason: `no analytic model at capacity ${k}: ${check}` };
    if (check.verdict === "meets") {
      hi = k;
      break;
    }
    lo = k;
    if (k >= limit) {
      if (check.verdict === null) return { value: null, reason: `the analytic model (${check.model}) gives none of the SLO's figures` };
      const shown = check.terms.flatMap((t, i) => (t.verdict === "fails" ? [`${metricLabel(slo.terms[i]!.metric)} ${formatFigure(slo.terms[i]!.metric, t.value!)}`] : [])).join(", ");
      const reason = `no capacity up to ${limit} meets it (analytic, at ${limit}: ${shown})`;
      return check.exact ? { value: null, impossible: true, reason } : { value: null, reason };
    }
    k = Math.min(limit, k + step);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const check = at(mid);
    if (typeof check !== "string" && check.verdict === "meets") hi = mid;
    else lo = mid;
  }
  return { value: hi, at: at(hi) as CapacityAnalytic };
}

/** Answer of the simulated capacity search: the smallest capacity whose simulation clearly meets the SLO. */
export interface SimulatedCapacity {
  value: number | null;
  at?: CapacityCheck;
  /** The check one message smaller than the answer (fails, or close: too close to tell). */
  smaller?: CapacityCheck;
  checks: CapacityCheck[];
  reason?: string;
  /** true when even `limit` fails in simulation. */
  impossible?: boolean;
}

/**
 * The smallest capacity in [0, limit] whose simulation clearly meets the SLO, from `start`:
 * down by galloping (-1, -2, -4, ...) while it meets, up likewise (+1, +2, +4, ...) while it
 * does not, then bisection. The capacity one below the answer is always simulated too, so the
 * answer can say whether it fails or is too close to tell. At most `maxRuns` simulations
 * (plus that one) and never past `limit`: it always ends.
 */
export function simulatedCapacity(check: (capacity: number) => CapacityCheck, start: number, limit: number, maxRuns: number): SimulatedCapacity {
  const seen = new Map<number, CapacityCheck>();
  const checks: CapacityCheck[] = [];
  const at = (k: number): CapacityCheck => {
    let c = seen.get(k);
    if (!c) {
      c = check(k);
      seen.set(k, c);
      checks.push(c);
    }
    return c;
  };
  const meets = (k: number) => at(k).verdict === "meets";
  const budget = () => checks.length < maxRuns;
  const begin = Math.max(0, Math.min(start, limit));
  let lo = -1; // the largest capacity known not to meet
  let hi: number; // the smallest known to meet
  if (meets(begin)) {
    hi = begin;
    for (let step = 1; lo === -1 && hi > 0 && budget(); step *= 2) {
      const k = Math.max(0, hi - step);
      if (meets(k)) hi = k;
      else lo = k;
    }
  } else {
    lo = begin;
    let found: number | null = null;
    for (let step = 1; found === null; step *= 2) {
      if (lo >= limit) return { value: null, checks, impossible: true, reason: `no capacity up to ${limit} meets it in simulation` };
      if (!budget()) return { value: null, checks, reason: `no capacity up to ${lo} met it within ${maxRuns} simulations` };
      const k = Math.min(limit, lo + step);
      if (meets(k)) found = k;
      else lo = k;
    }
    hi = found;
  }
  while (hi - lo > 1 && budget()) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  const smaller = hi > 0 ? at(hi - 1) : undefined;
  return { value: hi, at: at(hi), ...(smaller ? { smaller } : {}), checks };
}
