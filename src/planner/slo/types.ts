/**
 * The typed form of an SLO expression (DESIGN.md, "SLO expressions"): a conjunction of upper
 * bounds on per-queue figures. Times are in seconds, fractions in [0, 1].
 */

/** What a term bounds. Every metric gets smaller (or stays) as consumers are added. */
export type SloMetric =
  /** Mean of the wait (Wq) or of the sojourn (W) over served messages, seconds. */
  | { kind: "mean"; of: "wait" | "sojourn" }
  /** The q-quantile of the wait or sojourn, seconds; `level` is the written NN of pNN ("99.9"). */
  | { kind: "percentile"; of: "wait" | "sojourn"; q: number; level: string }
  /** P(wait > thresholdS) (or sojourn), a fraction of served messages. */
  | { kind: "exceeds"; of: "wait" | "sojourn"; thresholdS: number }
  /** Fraction of published messages lost to a full queue: refused (reject-publish) or discarded at the head (drop-head): pOverflow. */
  | { kind: "dropped" }
  /** Fraction of published messages that expired by TTL (pExpire). */
  | { kind: "expired" }
  /** Fraction of consumer time busy. */
  | { kind: "utilization" };

/** `<` or `<=`: SLO terms are upper bounds. */
export type SloOp = "<" | "<=";

/** One `METRIC OP VALUE[UNIT]` term. */
export interface SloTerm {
  metric: SloMetric;
  op: SloOp;
  /** The bound in seconds (time metrics) or as a fraction (the others). */
  value: number;
  /** The term as written, trimmed. */
  text: string;
  /** 1-based character position of the term in the expression. */
  position: number;
}

/** A parsed SLO: all its terms must hold. */
export interface Slo {
  /** The expression as given. */
  text: string;
  terms: SloTerm[];
}

/** Whether the metric is a time (seconds) rather than a fraction. */
export function isTimeMetric(m: SloMetric): boolean {
  return m.kind === "mean" || m.kind === "percentile";
}

/** A short human name of the metric: "p99 wait", "mean sojourn", "P(wait > 200 ms)". */
export function metricLabel(m: SloMetric): string {
  switch (m.kind) {
    case "mean":
      return `mean ${m.of}`;
    case "percentile":
      return `p${m.level} ${m.of}`;
    case "exceeds":
      return `P(${m.of} > ${formatBound(m.thresholdS, true)})`;
    default:
      return m.kind;
  }
}

/** The canonical spelling of a term: `p99(wait) < 200ms`. */
export function termText(t: SloTerm): string {
  const m = t.metric;
  const name = m.kind === "mean" ? `mean(${m.of})` : m.kind === "percentile" ? `p${m.level}(${m.of})` : m.kind === "exceeds" ? `P(${m.of} > ${formatBound(m.thresholdS, true)})` : m.kind;
  return `${name} ${t.op} ${formatBound(t.value, isTimeMetric(m))}`;
}

function formatBound(v: number, time: boolean): string {
  const round = (x: number) => String(Number(x.toPrecision(12)));
  if (!time) return `${round(v * 100)}%`;
  return v < 1 ? `${round(v * 1000)}ms` : `${round(v)}s`;
}
