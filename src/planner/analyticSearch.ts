import type { Scenario } from "../scenario/types.ts";
import { createDistribution } from "../engine/random/index.ts";
import { formatPercent, formatSeconds } from "../report/format.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import { analyticView, type AnalyticView } from "./analyticView.ts";
import { withConsumers } from "./edit.ts";
import { formatFigure } from "./figures.ts";
import { evaluateAnalytic, holds, type AnalyticTerm } from "./slo/evaluate.ts";
import { metricLabel, type Slo } from "./slo/types.ts";

/** The analytic model of a queue at one consumer count, with the SLO's terms evaluated. */
export interface AnalyticCheck {
  consumers: number;
  view: AnalyticView;
  terms: AnalyticTerm[];
  verdict: "meets" | "fails" | null;
}

/** Answer of the analytic search: the smallest count meeting the SLO, or why there is none. */
export interface AnalyticSizing {
  consumers: number | null;
  /** The check at `consumers` (when found). */
  at?: AnalyticCheck;
  /** Why there is no analytic answer: no model, none of the terms given, or not met up to the limit. */
  reason?: string;
  /** true when an exact model misses the SLO even at the limit (as opposed to: no model to tell). */
  impossible?: boolean;
}

/** The analytic model at `consumers`, or the reason there is none. */
export function analyticAt(scenario: Scenario, id: string, slo: Slo, consumers: number): AnalyticCheck | string {
  const a = analyticView(withConsumers(scenario, id, consumers), id);
  if (!a.view) return a.reason;
  const { terms, verdict } = evaluateAnalytic(slo, a.view);
  return { consumers, view: a.view, terms, verdict };
}

/**
 * The fewest consumers that keep queue `id` stable: floor(lambda E[S]) + 1, or 1 when the
 * queue sheds load (capacity or TTL) or receives nothing.
 */
export function stableMinimum(scenario: Scenario, id: string): number {
  const compiled = compileScenario(scenario);
  const q = compiled.find((c) => c.id === id)!;
  const load = offeredLoad(scenario, compiled)[q.index]!;
  if (q.spec.capacity !== null || q.ttl !== null || !(load.lambda > 0)) return 1;
  return Math.floor(load.lambda * load.meanDemand) + 1;
}

/**
 * Why no number of consumers can meet the SLO, found without searching: a bound of 0 with
 * `<`, or a sojourn bound the service time alone breaks (its mean, or its distribution where
 * the service law has a closed-form cdf). undefined when nothing rules it out.
 */
export function impossibleReason(scenario: Scenario, id: string, slo: Slo): string | undefined {
  const spec = scenario.queues.find((q) => q.id === id)!;
  const service = spec.priorities?.some((p) => p.service) ? null : createDistribution(spec.service);
  for (const t of slo.terms) {
    if (t.value === 0 && t.op === "<") return `${t.text} can never hold: ${metricLabel(t.metric)} is never below 0`;
    if (!service) continue;
    const m = t.metric;
    if (m.kind === "mean" && m.of === "sojourn" && !holds(t.op, service.mean, t.value)) {
      return `${t.text} can never hold: the mean service time alone is ${formatSeconds(service.mean)}`;
    }
    if (m.kind === "percentile" && m.of === "sojourn" && service.cdf && service.cdf(t.value) < m.q) {
      return `${t.text} can never hold: the service time alone exceeds ${formatSeconds(t.value)} with probability ${formatPercent(1 - service.cdf(t.value))}`;
    }
    if (m.kind === "exceeds" && m.of === "sojourn" && service.cdf && !holds(t.op, 1 - service.cdf(m.thresholdS), t.value)) {
      return `${t.text} can never hold: the service time alone exceeds ${formatSeconds(m.thresholdS)} with probability ${formatPercent(1 - service.cdf(m.thresholdS))}`;
    }
  }
  return undefined;
}

/**
 * The smallest consumer count in [low, limit] whose analytic model meets every term the model
 * gives, by galloping (low, low+1, low+3, low+7, ...) then bisection: O(log limit) models.
 * Terms the model does not give are left to the simulation; a count where the model gives
 * none of them counts as not meeting (the model can change with c: M/G/1 has no percentiles,
 * Allen-Cunneen for M/G/c does).
 */
export function analyticSizing(scenario: Scenario, id: string, slo: Slo, low: number, limit: number): AnalyticSizing {
  const checks = new Map<number, AnalyticCheck | string>();
  const at = (c: number) => {
    if (!checks.has(c)) checks.set(c, analyticAt(scenario, id, slo, c));
    return checks.get(c)!;
  };
  let lo = low - 1;
  let hi: number;
  let known = false;
  for (let step = 1, c = Math.min(low, limit); ; step *= 2) {
    const check = at(c);
    if (typeof check === "string") return { consumers: null, reason: `no analytic model at ${c} consumer${c === 1 ? "" : "s"}: ${check}` };
    if (check.verdict !== null) known = true;
    if (check.verdict === "meets") {
      hi = c;
      break;
    }
    lo = c;
    if (c >= limit) {
      if (!known || check.verdict === null) return { consumers: null, reason: `the analytic model (${check.view.result.model}) gives none of the SLO's figures` };
      const shown = check.terms.flatMap((t, k) => (t.verdict === "fails" ? [`${metricLabel(slo.terms[k]!.metric)} ${formatFigure(slo.terms[k]!.metric, t.value!)}`] : [])).join(", ");
      const reason = `no consumer count up to ${limit} meets it (analytic, at ${limit}: ${shown})`;
      // An approximation's "never" is left for the simulation to check.
      return check.view.result.exact ? { consumers: null, impossible: true, reason } : { consumers: null, reason };
    }
    c = Math.min(limit, c + step);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const check = at(mid);
    if (typeof check !== "string" && check.verdict === "meets") hi = mid;
    else lo = mid;
  }
  return { consumers: hi, at: at(hi) as AnalyticCheck };
}
