/**
 * The figures of one queue as rows of text, simulated beside analytic, shared by the Markdown
 * and HTML reports and `kendall run`'s table.
 */
import type { QueueResult, SimulatedQueue } from "../simulation/result.ts";
import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "./format.ts";

export type Kind = "seconds" | "percent" | "rate" | "plain";

/** One row of a queue's table: a metric, its simulated estimate (95% CI) and the model's figure. */
export interface FigureRow {
  label: string;
  simulated: string;
  analytic: string;
}

/** The analytic model of a queue in words: name, exact or approximate, its note, or why there is none. */
export interface ModelSummary {
  /** e.g. `M/M/2, exact` or `no analytic model`. */
  title: string;
  exact: boolean | null;
  note?: string;
  reason?: string;
}

/** The per-queue rows every output shows: label, simulated field, format, steady-state only, analytic field when named differently (expiry is the models' abandonment). */
export const figureRows: [label: string, key: keyof SimulatedQueue & string, kind: Kind, steadyOnly: boolean, analyticKey?: string][] = [
  ["throughput", "throughput", "rate", false],
  ["utilization", "utilization", "percent", false],
  ["L (in queue)", "L", "plain", true],
  ["Lq (waiting)", "Lq", "plain", true],
  ["W (sojourn)", "W", "seconds", true],
  ["Wq (wait)", "Wq", "seconds", true],
  ["P(wait > 0)", "pWait", "percent", true],
  ["P(refused)", "pBlock", "percent", false],
  ["P(expired)", "pExpire", "percent", false, "pAbandon"],
];

const percentileRows = [["p50", "p50"], ["p95", "p95"], ["p99", "p99"], ["p99.9", "p999"]] as const;

/**
 * A figure of an analytic block by dotted path (`Wq`, `wait.p99`): a finite number, Infinity
 * (unbounded: JSON writes it as null in an unstable model), or undefined when the model does
 * not give it.
 */
export function analyticFigure(analytic: Record<string, unknown> | null | undefined, path: string): number | undefined {
  let value: unknown = analytic;
  for (const key of path.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  if (value === null && analytic?.unstable === true) return Infinity;
  return typeof value === "number" && !Number.isNaN(value) ? value : undefined;
}

function formatKind(v: number | undefined, kind: Kind): string {
  if (v === undefined) return "";
  if (kind === "seconds") return formatSeconds(v);
  if (kind === "percent") return formatPercent(v);
  if (kind === "rate") return `${formatNumber(v)}/s`;
  return formatNumber(v);
}

/** The rows of a queue's table; figures of a queue with no steady state read "grows without bound". */
export function queueFigureRows(q: QueueResult): FigureRow[] {
  const s = q.simulated;
  const grows = "grows without bound";
  const out = figureRows.map(([label, key, kind, steadyOnly, analyticKey]) => {
    const e = s[key] as { mean: number; ci95: number };
    const simulated = steadyOnly && !s.steady ? grows : formatEstimate(e.mean, e.ci95, kind);
    return { label, simulated, analytic: formatKind(analyticFigure(q.analytic, analyticKey ?? key), kind) };
  });
  // RabbitMQ's consumer utilisation: the fraction of time a consumer could take a message.
  const cc = s.consumerCapacity;
  out.splice(figureRows.findIndex(([, key]) => key === "utilization") + 1, 0, { label: "consumer capacity", simulated: formatEstimate(cc.mean, cc.ci95, "percent"), analytic: formatKind(analyticFigure(q.analytic, "consumerCapacity"), "percent") });
  for (const [label, key] of percentileRows) {
    out.push({
      label: `${label} wait`,
      simulated: s.steady ? formatSeconds(s.wait[key]) : grows,
      analytic: formatKind(analyticFigure(q.analytic, `wait.${key}`), "seconds"),
    });
  }
  return out;
}

/** What model the analytic column comes from, in words. */
export function modelSummary(q: QueueResult): ModelSummary {
  const a = q.analytic;
  if (!a) return { title: "no analytic model", exact: null, reason: q.analyticReason ?? "no formula or approximation applies" };
  const exact = a.exact === true;
  const model = typeof a.model === "string" ? a.model : "analytic model";
  return { title: `${model}, ${exact ? "exact" : "approximation"}`, exact, ...(typeof a.note === "string" ? { note: a.note } : {}) };
}

/** The message counts of a queue in one line, the dead letters' reasons (RabbitMQ's x-death names) in brackets when there are any. */
export function countsLine(s: SimulatedQueue): string {
  const c = s.counts;
  const r = c.deadLetteredByReason;
  const reasons = ([["maxlen", r.maxlen], ["rejected", r.rejected], ["delivery_limit", r.delivery_limit]] as const).filter(([, n]) => n > 0);
  const why = reasons.length > 0 ? ` (${reasons.map(([k, n]) => `${k} ${n}`).join(", ")})` : "";
  return `published ${c.published}, delivered ${c.delivered}, acked ${c.acked}, nacked ${c.nacked}, redelivered ${c.redelivered}, expired ${c.expired}, dead-lettered ${c.deadLettered}${why}, dropped ${c.dropped}, in flight ${c.inFlight}`;
}
