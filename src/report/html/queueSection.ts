import type { StationInput } from "../../analytic/index.ts";
import type { QueueResult, RunResult } from "../../simulation/result.ts";
import { escapeHtml } from "../escape.ts";
import { analyticFigure, countsLine, modelSummary, queueFigureRows } from "../figures.ts";
import { formatEstimate, formatNumber, formatSeconds } from "../format.ts";
import { glanceHeader, glanceRows } from "../glance.ts";
import { loadCurve } from "../loadCurve.ts";
import { emptyChart } from "../svg/chart.ts";
import { loadCurveChart } from "../svg/loadCurveChart.ts";
import { queueLengthChart } from "../svg/queueLengthChart.ts";
import { waitChart } from "../svg/waitChart.ts";
import { analyticWaitCdf } from "../waitCdf.ts";
import { flag, htmlTable } from "./tags.ts";

function modelHtml(q: QueueResult): string {
  const m = modelSummary(q);
  const badge = m.exact === null ? `<span class="badge none">no model</span>` : m.exact ? `<span class="badge exact">exact</span>` : `<span class="badge approx">approximation</span>`;
  const detail = m.reason ? ` <span class="note">Why: ${escapeHtml(m.reason)}.</span>` : m.note ? ` <span class="note">${escapeHtml(m.note)}.</span>` : "";
  const title = m.exact === null ? "No analytic model." : `Model: ${escapeHtml(m.title)}.`;
  return `<p class="model">${badge} ${title}${detail}</p>`;
}

function classesHtml(q: QueueResult): string {
  const classes = q.simulated.classes;
  if (!classes) return "";
  const rows = Object.entries(classes).map(([name, c]) => [
    escapeHtml(name),
    escapeHtml(formatEstimate(c.W.mean, c.W.ci95, "seconds")),
    escapeHtml(formatEstimate(c.Wq.mean, c.Wq.ci95, "seconds")),
    escapeHtml(formatSeconds(c.wait.p99)),
    escapeHtml(formatAnalytic(analyticFigure(q.analytic, `classes.${name}.Wq`))),
  ]);
  return htmlTable("classes", ["class", "W simulated", "Wq simulated", "p99 wait simulated", "Wq analytic"], rows, [1, 2, 3, 4]);
}

function formatAnalytic(v: number | undefined): string {
  return v === undefined ? "" : formatSeconds(v);
}

function chartsHtml(id: string, index: number, q: QueueResult, result: RunResult, input: StationInput | null): string {
  const detail = result.detail;
  if (!detail) return emptyChart("Charts", "this result was run without detail (queue-length path and histograms), so there are no charts.");
  const s = q.simulated;
  const unstable = result.unstable.some((u) => u.queue === id);
  const percentiles = Object.fromEntries((["p50", "p90", "p95", "p99"] as const).flatMap((k) => {
    const v = analyticFigure(q.analytic, `wait.${k}`);
    return v === undefined ? [] : [[k, v]];
  }));
  const model = typeof q.analytic?.model === "string" ? q.analytic.model : null;
  const charts = [
    queueLengthChart(detail.path, id),
    waitChart({ queueId: id, wait: detail.wait[id] ?? [], sojourn: detail.sojourn[id] ?? [], waitPercentiles: s.wait, sojournPercentiles: s.sojourn, analyticCdf: analyticWaitCdf(input, q.analytic), analyticPercentiles: percentiles, model, unstable }),
  ];
  const curve = input ? loadCurve(input) : null;
  if (curve) {
    charts.push(loadCurveChart({ queueId: id, curve, model: model ?? "model", uid: `q${index}`, ...(s.steady ? { simulated: { W: s.W, p99Wait: s.wait.p99 } } : {}) }));
  }
  return `<div class="charts">${charts.join("")}</div>`;
}

/** One queue: its figures beside the model's, the model used, counts and charts. */
export function queueSectionHtml(id: string, index: number, q: QueueResult, result: RunResult, input: StationInput | null): string {
  const unstable = result.unstable.find((u) => u.queue === id);
  const rows = queueFigureRows(q).map((r) => [escapeHtml(r.label), escapeHtml(r.simulated), escapeHtml(r.analytic)]);
  return [
    `<section class="queue" id="queue-${index}"><div class="queue-head">`,
    `<h3>Queue ${escapeHtml(id)}${unstable ? ` <span class="badge unstable">UNSTABLE</span>` : ""}</h3>`,
    unstable ? flag("unstable", "Unstable:", ` ρ = ${formatNumber(unstable.rho)} per consumer; the backlog grows by ${formatNumber(unstable.growthPerS)} msg/s (simulated ${formatNumber(q.simulated.backlogGrowth)} msg/s).`) : "",
    modelHtml(q),
    htmlTable("figures", ["metric", "simulated (95% CI)", "analytic"], rows, [1, 2]),
    classesHtml(q),
    `<p class="counts">Counts over all replications, warm-up included: ${escapeHtml(countsLine(q.simulated))}.</p></div>`,
    chartsHtml(id, index, q, result, input),
    `</section>`,
  ].join("");
}

/** One line per queue: load, model, W, p99 wait and status, for the top of the report. */
export function summaryHtml(result: RunResult, inputs: Record<string, StationInput | null>): string {
  const rows = glanceRows(result, inputs).map((r, i) => [
    `<a href="#queue-${i}">${escapeHtml(r.queue)}</a>`,
    ...[r.rho, r.utilization, r.W, r.p99Wait, r.model].map(escapeHtml),
    r.unstable ? `<span class="badge unstable">UNSTABLE</span>` : "steady",
  ]);
  return htmlTable("summary", glanceHeader, rows, [1, 2, 3, 4]);
}
