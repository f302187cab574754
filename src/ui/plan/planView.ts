import type { AnalyticTerm, PlanResult, QueuePlan, SimulatedTerm } from "../../planner/index.ts";
import { formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import type { Scenario } from "../../scenario/index.ts";

/** Whether an SLO term measures time (a mean or a percentile of wait or sojourn) rather than a fraction. */
export function isTimeTerm(term: string): boolean {
  return /^\s*(mean|p\d)/i.test(term);
}

/** A term's figure in the term's own unit: seconds for times, a percentage for fractions. */
export function termFigure(term: string, value: number | undefined): string {
  if (value === undefined) return "not given by the model";
  return isTimeTerm(term) ? formatSeconds(value) : formatPercent(value);
}

/** `p99(wait) < 200ms: 59.9 ms (± 3.5 ms), meets` for a simulated term; analytic terms without an interval. */
export function termLine(t: SimulatedTerm | AnalyticTerm): string {
  const ci = "ci95" in t && t.ci95 !== null && Number.isFinite(t.ci95) && t.ci95 > 0 ? ` ± ${isTimeTerm(t.term) ? formatSeconds(t.ci95) : formatPercent(t.ci95)}` : "";
  const unstable = "unstable" in t && t.unstable ? " (backlog growing)" : "";
  return `${t.term}: ${termFigure(t.term, t.value)}${ci}${unstable}${t.verdict ? `, ${t.verdict}` : ""}`;
}

/** The one-fewer check of a queue's plan as a sentence and its term lines; null when there is none. */
export function fewerCheck(q: QueuePlan): { heading: string; lines: string[] } | null {
  if (!q.fewer || q.consumers === null) return null;
  const sim = q.fewer.simulated;
  const ana = q.fewer.analytic;
  const figures = sim ?? ana;
  if (!figures) return null;
  const verdict = figures.verdict ?? "not decided";
  const how = sim ? "simulated" : "analytic";
  return { heading: `${q.consumers - 1} consumer${q.consumers - 1 === 1 ? "" : "s"} (one fewer), ${how}: ${verdict}`, lines: figures.terms.map(termLine) };
}

/** Headroom in words: the largest arrival rate today's consumers keep the SLO at. */
export function headroomLine(q: QueuePlan): string {
  const h = q.headroom;
  if (!h) return "No headroom figure for this queue.";
  if (h.factor === null || h.lambda === null) return h.reason ? `No headroom figure: ${h.reason}.` : h.explanation;
  return `With ${h.consumers} consumer${h.consumers === 1 ? "" : "s"}, the SLO holds up to ${formatNumber(h.lambda)} msg/s (${formatNumber(h.factor, 3)} × today's ${formatNumber(h.currentLambda)} msg/s).`;
}

/** A cost per month, or an em dash when not priced. */
export function costText(cost: number | undefined): string {
  return cost === undefined || !Number.isFinite(cost) ? "—" : formatNumber(cost, 6);
}

/**
 * Whether `now` is the scenario `plan` was made for, apart from the consumers of the planned
 * queues (so applying the plan does not make it stale).
 */
export function planFits(plan: PlanResult, planned: Scenario, now: Scenario): boolean {
  if (planned === now) return true;
  const ids = new Set(Object.keys(plan.queues));
  const strip = (s: Scenario) => JSON.stringify({ ...s, queues: s.queues.map((q) => (ids.has(q.id) ? { ...q, consumers: 0 } : q)) });
  return strip(planned) === strip(now);
}

/** The planned consumers that differ from the scenario's: what Apply would change. */
export function pendingChanges(plan: PlanResult, now: Scenario): { queue: string; consumers: number }[] {
  return Object.values(plan.queues).flatMap((q) => {
    const spec = now.queues.find((s) => s.id === q.queue);
    return q.consumers !== null && spec && spec.consumers !== q.consumers ? [{ queue: q.queue, consumers: q.consumers }] : [];
  });
}
