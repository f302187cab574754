import type { AnalyticTerm, PlanResult, QueuePlan, SimulatedTerm } from "../../planner/index.ts";
import type { PlanSizeAnswer } from "../../report/index.ts";
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

/** The prefetch answer of a queue's plan in a few words: `up to 2 (now 1)`; null when not asked. */
export function prefetchLine(q: QueuePlan): string | null {
  const p = q.prefetch;
  if (!p) return null;
  const now = p.current === 0 ? "unlimited" : String(p.current);
  return p.value === null ? `no prefetch meets the SLO with these consumers (now ${now})` : `up to ${p.value} (now ${now})`;
}

/** The capacity answer of a queue's plan in a few words: `8 ready messages (now unbounded)`; null when not asked. */
export function capacityLine(q: QueuePlan): string | null {
  const c = q.capacity;
  if (!c) return null;
  const now = c.current === null ? "unbounded" : String(c.current);
  return c.value === null ? `no capacity answer (now ${now})` : `${c.value} ready message${c.value === 1 ? "" : "s"} (now ${now})`;
}

/**
 * The prefetch and capacity answers as a report's verdict fields (src/report PlanSizeAnswer),
 * for the Export menu's plan section: `{ ...verdict, ...planSizeAnswers(q) }`.
 */
export function planSizeAnswers(q: QueuePlan): { prefetch?: PlanSizeAnswer; capacity?: PlanSizeAnswer } {
  const out: { prefetch?: PlanSizeAnswer; capacity?: PlanSizeAnswer } = {};
  if (q.prefetch) out.prefetch = { value: q.prefetch.value, current: q.prefetch.current, meets: q.prefetch.meets, explanation: q.prefetch.explanation };
  if (q.capacity) out.capacity = { value: q.capacity.value, current: q.capacity.current, meets: q.capacity.meets, explanation: q.capacity.explanation };
  return out;
}

/**
 * Whether `now` is the scenario `plan` was made for, apart from what the plan sized on the
 * planned queues (consumers, and prefetch and capacity where asked), so applying the plan
 * does not make it stale.
 */
export function planFits(plan: PlanResult, planned: Scenario, now: Scenario): boolean {
  if (planned === now) return true;
  const sized = new Map(Object.values(plan.queues).map((q) => [q.queue, q]));
  const strip = (s: Scenario) =>
    JSON.stringify({
      ...s,
      queues: s.queues.map((q) => {
        const p = sized.get(q.id);
        if (!p) return q;
        return { ...q, consumers: 0, ...(p.prefetch ? { prefetch: 0 } : {}), ...(p.capacity ? { capacity: 0 } : {}) };
      }),
    });
  return strip(planned) === strip(now);
}

/** What Apply would change on one queue: the planned settings that differ from the scenario's. */
export interface PlanChange {
  queue: string;
  consumers?: number;
  prefetch?: number;
  capacity?: number;
}

/** The planned consumers (and prefetch and capacity, where sized) that differ from the scenario's: what Apply would change. */
export function pendingChanges(plan: PlanResult, now: Scenario): PlanChange[] {
  return Object.values(plan.queues).flatMap((q) => {
    const spec = now.queues.find((s) => s.id === q.queue);
    if (!spec) return [];
    const change: PlanChange = { queue: q.queue };
    if (q.consumers !== null && spec.consumers !== q.consumers) change.consumers = q.consumers;
    if (q.prefetch && q.prefetch.value !== null && spec.prefetch !== q.prefetch.value) change.prefetch = q.prefetch.value;
    if (q.capacity && q.capacity.value !== null && spec.capacity !== q.capacity.value) change.capacity = q.capacity.value;
    return Object.keys(change).length > 1 ? [change] : [];
  });
}

/** One queue's change in words: `"orders" to 3 consumers, prefetch 2, capacity 8`. */
export function changeText(c: PlanChange): string {
  const parts = [
    ...(c.consumers !== undefined ? [`${c.consumers} consumer${c.consumers === 1 ? "" : "s"}`] : []),
    ...(c.prefetch !== undefined ? [`prefetch ${c.prefetch}`] : []),
    ...(c.capacity !== undefined ? [`capacity ${c.capacity}`] : []),
  ];
  return `${JSON.stringify(c.queue)} to ${parts.join(", ")}`;
}
