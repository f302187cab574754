/**
 * The report as CSV tables (see csv.ts for quoting and formula neutralisation): per-queue
 * figures, the queue-length time series, and the sweep and plan when given. Units are in the
 * column names (`_s` seconds, `_per_s` per second); fractions (utilization, probabilities) are
 * 0 to 1; unbounded figures are `inf`, figures a model does not give are empty.
 */
import type { QueueResult, RunResult } from "../simulation/result.ts";
import { csvTable, type CsvValue } from "./csv.ts";
import { redactCredentials } from "./escape.ts";
import { analyticFigure } from "./figures.ts";
import type { PlanSection, ReportInput, SweepSection } from "./types.ts";

const estimates = [["throughput", "_per_s"], ["utilization", ""], ["L", ""], ["Lq", ""], ["W", "_s"], ["Wq", "_s"], ["pWait", ""], ["pBlock", ""], ["pExpire", ""]] as const;
const snake = (k: string) => ({ pWait: "p_wait", pBlock: "p_block", pExpire: "p_expire" })[k] ?? k;
const levels = ["p50", "p90", "p95", "p99", "p999"] as const;
const analyticKeys = [
  ["rho", "analytic_rho"], ["throughput", "analytic_throughput_per_s"], ["utilization", "analytic_utilization"], ["L", "analytic_L"], ["Lq", "analytic_Lq"],
  ["W", "analytic_W_s"], ["Wq", "analytic_Wq_s"], ["pWait", "analytic_p_wait"], ["pBlock", "analytic_p_block"], ["pAbandon", "analytic_p_expire"],
  ["wait.p50", "analytic_wait_p50_s"], ["wait.p95", "analytic_wait_p95_s"], ["wait.p99", "analytic_wait_p99_s"],
] as const;
const countKeys = ["published", "acked", "redelivered", "expired", "deadLettered", "dropped", "inFlight"] as const;
const countNames = ["published", "acked", "redelivered", "expired", "dead_lettered", "dropped", "in_flight"];

/** Column names of the per-queue table. */
export const queueColumns: readonly string[] = [
  "scope", "queue", "class", "model", "exact", "unstable", "steady",
  ...estimates.flatMap(([k, unit]) => [`${snake(k)}${unit}`, `${snake(k)}_ci95${unit}`]),
  ...levels.map((p) => `wait_${p}_s`), ...levels.map((p) => `sojourn_${p}_s`),
  ...analyticKeys.map(([, name]) => name),
  ...countNames, "backlog_growth_per_s", "served",
];

function queueRow(id: string, q: QueueResult, result: RunResult): CsvValue[] {
  const s = q.simulated;
  const a = q.analytic;
  return [
    "queue", id, null, typeof a?.model === "string" ? a.model : "", a ? a.exact === true : null, result.unstable.some((u) => u.queue === id), s.steady,
    ...estimates.flatMap(([k]) => [s[k].mean, s[k].ci95]),
    ...levels.map((p) => s.wait[p]), ...levels.map((p) => s.sojourn[p]),
    ...analyticKeys.map(([path]) => analyticFigure(a, path)),
    ...countKeys.map((k) => s.counts[k]), s.backlogGrowth, s.counts.acked,
  ];
}

/** A row with only the named columns filled. */
function sparseRow(): [CsvValue[], (col: string, v: CsvValue) => void] {
  const row: CsvValue[] = queueColumns.map(() => null);
  return [row, (col, v) => (row[queueColumns.indexOf(col)] = v)];
}

function classRows(id: string, q: QueueResult): CsvValue[][] {
  return Object.entries(q.simulated.classes ?? {}).map(([name, c]) => {
    const [row, set] = sparseRow();
    set("scope", "class");
    set("queue", id);
    set("class", name);
    set("W_s", c.W.mean);
    set("W_ci95_s", c.W.ci95);
    set("Wq_s", c.Wq.mean);
    set("Wq_ci95_s", c.Wq.ci95);
    levels.forEach((p) => (set(`wait_${p}_s`, c.wait[p]), set(`sojourn_${p}_s`, c.sojourn[p])));
    set("analytic_W_s", analyticFigure(q.analytic, `classes.${name}.W`));
    set("analytic_Wq_s", analyticFigure(q.analytic, `classes.${name}.Wq`));
    return row;
  });
}

function networkRow(result: RunResult): CsvValue[] | null {
  const n = result.network;
  if (!n) return null;
  const [row, set] = sparseRow();
  set("scope", "network");
  set("model", typeof n.analytic?.model === "string" ? n.analytic.model : "");
  set("W_s", n.simulated.W.mean);
  set("W_ci95_s", n.simulated.W.ci95);
  levels.forEach((p) => set(`sojourn_${p}_s`, n.simulated.sojourn[p]));
  set("analytic_W_s", analyticFigure(n.analytic, "W"));
  set("served", n.simulated.served);
  return row;
}

/**
 * Per-queue figures: one `queue` row per queue, then a `class` row per priority class (its
 * times only), and a `network` row for the end-to-end figures when queues are connected.
 */
export function queueMetricsCsv(result: RunResult): string {
  const rows = Object.entries(result.queues).flatMap(([id, q]) => [queueRow(id, q, result), ...classRows(id, q)]);
  const network = networkRow(result);
  return csvTable(queueColumns, network ? [...rows, network] : rows);
}

/** The first replication's queue lengths over simulated time: `time_s`, `warmup`, then `length[ID]` per queue. */
export function timeSeriesCsv(result: RunResult): string {
  const path = result.detail?.path;
  const ids = Object.keys(result.queues);
  const header = ["time_s", "warmup", ...ids.map((id) => `length[${id}]`)];
  if (!path) return csvTable(header, []);
  return csvTable(header, path.times.map((t, i) => [t, t < path.warmupEnd, ...ids.map((id) => path.lengths[id]?.[i])]));
}

/** A sweep in long form: one row per value and queue. */
export function sweepCsv(sweep: SweepSection): string {
  const rows = sweep.points.flatMap((p) => Object.entries(p.queues).map(([id, f]) => [sweep.param, p.value, id, f.W, f.Wq, f.p99wait, f.utilization]));
  return csvTable(["param", "value", "queue", "W_s", "Wq_s", "wait_p99_s", "utilization"], rows);
}

/** The planner's verdicts, one row per queue, and growth steps as `growth_xF` columns. */
export function planCsv(plan: PlanSection): string {
  const factors = plan.growth ?? [];
  // Prefetch and capacity columns only when the plan sized them, so older plans keep their shape.
  const prefetch = plan.verdicts.some((v) => v.prefetch);
  const capacity = plan.verdicts.some((v) => v.capacity);
  const header = [
    "slo", "queue", "consumers_now", "consumers_needed", "meets", "explanation",
    ...(prefetch ? ["prefetch_now", "prefetch_allowed", "prefetch_explanation"] : []),
    ...(capacity ? ["capacity_now", "capacity_needed", "capacity_explanation"] : []),
    ...factors.map((g) => `consumers_at_x${g.factor}`),
  ];
  const rows = plan.verdicts.map((v) => [
    plan.slo, v.queue, v.current, v.consumers, v.meets, v.explanation,
    ...(prefetch ? [v.prefetch?.current, v.prefetch?.value, v.prefetch?.explanation] : []),
    ...(capacity ? [v.capacity?.current, v.capacity?.value, v.capacity?.explanation] : []),
    ...factors.map((g) => (g.consumers === null || typeof g.consumers === "number" ? g.consumers : g.consumers[v.queue])),
  ]);
  return csvTable(header, rows);
}

/** Every CSV table of a report, by part (see `ReportFile`). */
export function buildCsvReport(input: ReportInput): { main: string; series: string; sweep?: string; plan?: string } {
  return {
    main: redactCredentials(queueMetricsCsv(input.result)),
    series: redactCredentials(timeSeriesCsv(input.result)),
    ...(input.sweep ? { sweep: redactCredentials(sweepCsv(input.sweep)) } : {}),
    ...(input.plan ? { plan: redactCredentials(planCsv(input.plan)) } : {}),
  };
}
