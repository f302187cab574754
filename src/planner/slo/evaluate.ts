import { QuantileSketch, meanCi } from "../../stats/index.ts";
import type { SimulatedPoint } from "../simulate.ts";
import { analyticFigure, type AnalyticView } from "../analyticView.ts";
import type { Slo, SloMetric, SloOp, SloTerm } from "./types.ts";
import { isTimeMetric } from "./types.ts";

/**
 * Whether an SLO holds: `meets` and `fails` are clear; `close` means the 95% interval of a
 * simulated figure straddles the bound ("too close to tell").
 */
export type Verdict = "meets" | "fails" | "close";

/** One term's analytic figure and verdict; `value` undefined when the model does not give it. */
export interface AnalyticTerm {
  term: string;
  value?: number;
  verdict?: "meets" | "fails";
}

/** One term's simulated figure with its 95% half-width (null with a single replication). */
export interface SimulatedTerm {
  term: string;
  value: number;
  ci95: number | null;
  verdict: Verdict;
  /** true when the queue had no steady state in the run (its backlog grew). */
  unstable?: boolean;
}

/** Whether `value op bound` holds (no interval). */
export function holds(op: SloOp, value: number, bound: number): boolean {
  return op === "<" ? value < bound : value <= bound;
}

/**
 * The verdict of `value ± ci95 op bound`: meets when the whole interval satisfies the bound,
 * fails when none of it does, close otherwise.
 */
export function verdictOf(op: SloOp, bound: number, value: number, ci95: number | null): Verdict {
  const h = ci95 ?? 0;
  if (holds(op, value + h, bound)) return "meets";
  if (!holds(op, value - h, bound)) return "fails";
  return "close";
}

/** The verdict of a conjunction: fails if any term fails, close if any is close, else meets. */
export function combineVerdicts(verdicts: Verdict[]): Verdict {
  if (verdicts.includes("fails")) return "fails";
  return verdicts.includes("close") ? "close" : "meets";
}

/** Every term against the analytic model; `verdict` is null when the model gives none of them. */
export function evaluateAnalytic(slo: Slo, view: AnalyticView): { terms: AnalyticTerm[]; verdict: "meets" | "fails" | null } {
  const terms = slo.terms.map((t): AnalyticTerm => {
    const value = analyticFigure(t.metric, view);
    if (value === undefined || Number.isNaN(value)) return { term: t.text };
    return { term: t.text, value, verdict: holds(t.op, value, t.value) ? "meets" : "fails" };
  });
  const known = terms.filter((t) => t.verdict !== undefined);
  const verdict = known.length === 0 ? null : known.every((t) => t.verdict === "meets") ? "meets" : "fails";
  return { terms, verdict };
}

/** Every term against a simulated point for queue `queueId`. */
export function evaluateSimulated(slo: Slo, point: SimulatedPoint, queueId: string): { terms: SimulatedTerm[]; verdict: Verdict } {
  const terms = slo.terms.map((t) => simulatedTerm(t, point, queueId));
  return { terms, verdict: combineVerdicts(terms.map((t) => t.verdict)) };
}

function simulatedTerm(t: SloTerm, point: SimulatedPoint, queueId: string): SimulatedTerm {
  const q = point.result.queues[queueId]!.simulated;
  const grew = !q.steady || point.result.stopped !== null;
  if (grew && (isTimeMetric(t.metric) || t.metric.kind === "exceeds")) {
    return { term: t.text, value: t.metric.kind === "exceeds" ? 1 : Infinity, ci95: null, verdict: "fails", unstable: true };
  }
  const { value, ci95 } = simulatedFigure(t.metric, point, queueId);
  return { term: t.text, value, ci95, verdict: verdictOf(t.op, t.value, value, ci95), ...(grew ? { unstable: true } : {}) };
}

/**
 * The simulated figure a metric bounds, with a 95% half-width. Means and fractions come from
 * the run result (Student-t across replications, batch means with one). Percentiles and
 * P(wait > T) take the pooled estimate over all replications as the figure and the Student-t
 * half-width of the per-replication estimates as its precision; null with one replication.
 */
export function simulatedFigure(metric: SloMetric, point: SimulatedPoint, queueId: string): { value: number; ci95: number | null } {
  const s = point.result.queues[queueId]!.simulated;
  const est = (e: { mean: number; ci95: number }) => ({ value: e.mean, ci95: point.replications.length > 1 || e.ci95 > 0 ? e.ci95 : null });
  switch (metric.kind) {
    case "mean":
      return est(metric.of === "wait" ? s.Wq : s.W);
    case "dropped":
      return est(s.pOverflow);
    case "expired":
      return est(s.pExpire);
    case "utilization":
      return est(s.utilization);
    case "percentile":
      return pooled(point, queueId, metric.of, (sk) => (sk.count > 0 ? sk.quantile(metric.q) : 0));
    case "exceeds":
      return pooled(point, queueId, metric.of, (sk) => (sk.count > 0 ? 1 - sk.cdf(metric.thresholdS) : 0));
  }
}

function pooled(point: SimulatedPoint, queueId: string, of: "wait" | "sojourn", figure: (s: QuantileSketch) => number): { value: number; ci95: number | null } {
  const index = point.ids.indexOf(queueId);
  const sketches = point.replications.map((r) => r.queues[index]![of]);
  const all = new QuantileSketch();
  for (const s of sketches) all.merge(s);
  const value = figure(all);
  if (sketches.length < 2) return { value, ci95: null };
  return { value, ci95: meanCi(sketches.map(figure)).ci95 };
}
