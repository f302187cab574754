import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import type { QueueResult } from "../../simulation/index.ts";
import { readAnalytic } from "./analyticView.ts";

export type AnalyticKind = "exact" | "approximate" | "none";

/** One headline figure of a queue: simulated (with its interval) beside the analytic value. */
export interface HeadlineRow {
  key: string;
  label: string;
  simulated: string;
  /** Why there is no interval, when there is none. */
  simulatedNote?: string;
  analytic: string;
  kind: AnalyticKind;
}

type Kind = "rate" | "percent" | "seconds";

const rows: { key: string; label: string; kind: Kind; sim: (q: QueueResult["simulated"]) => [number, number] | number; analytic: string; grows: boolean }[] = [
  { key: "throughput", label: "Throughput", kind: "rate", sim: (q) => [q.throughput.mean, q.throughput.ci95], analytic: "throughput", grows: false },
  { key: "utilization", label: "Utilization", kind: "percent", sim: (q) => [q.utilization.mean, q.utilization.ci95], analytic: "utilization", grows: false },
  // RabbitMQ's consumer utilisation: the share of time a consumer could take a message (compare with a live broker's).
  { key: "consumerCapacity", label: "Consumer capacity", kind: "percent", sim: (q) => [q.consumerCapacity.mean, q.consumerCapacity.ci95], analytic: "consumerCapacity", grows: false },
  { key: "W", label: "Mean time in system W", kind: "seconds", sim: (q) => [q.W.mean, q.W.ci95], analytic: "W", grows: true },
  { key: "Wq", label: "Mean wait Wq", kind: "seconds", sim: (q) => [q.Wq.mean, q.Wq.ci95], analytic: "Wq", grows: true },
  { key: "p95", label: "p95 wait", kind: "seconds", sim: (q) => q.wait.p95, analytic: "wait.p95", grows: true },
  { key: "p99", label: "p99 wait", kind: "seconds", sim: (q) => q.wait.p99, analytic: "wait.p99", grows: true },
];

const unboundedText = "grows without bound";

/**
 * The headline figures of one queue as text. When the queue is unstable the waits are not
 * shown as numbers (they describe only how long this run lasted): they say they grow.
 */
export function headlineRows(queue: QueueResult, unstable: boolean): HeadlineRow[] {
  const analytic = readAnalytic(queue.analytic);
  return rows.map((row) => {
    const value = row.sim(queue.simulated);
    const grows = unstable && row.grows;
    const simulated = grows ? unboundedText : typeof value === "number" ? formatSeconds(value) : formatEstimate(value[0], value[1], row.kind);
    const out: HeadlineRow = { key: row.key, label: row.label, simulated, ...analyticCell(analytic, row.analytic, row.kind) };
    if (!grows && typeof value === "number") out.simulatedNote = "pooled over replications, no interval";
    return out;
  });
}

function analyticCell(view: ReturnType<typeof readAnalytic>, path: string, kind: Kind): { analytic: string; kind: AnalyticKind } {
  if (!view) return { analytic: "no analytic model", kind: "none" };
  const x = view.figure(path);
  if (x === undefined) return { analytic: `not given by ${view.model}`, kind: "none" };
  const text = x === Infinity ? unboundedText : kind === "seconds" ? formatSeconds(x) : kind === "percent" ? formatPercent(x) : `${formatNumber(x)}/s`;
  return { analytic: text, kind: view.exact ? "exact" : "approximate" };
}
