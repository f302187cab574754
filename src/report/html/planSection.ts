import { escapeHtml } from "../escape.ts";
import { formatNumber } from "../format.ts";
import { growthChart, sweepChart } from "../svg/planCharts.ts";
import { consumersText, planSizeRows } from "../planFormat.ts";
import type { PlanSection, SweepSection } from "../types.ts";
import { htmlTable } from "./tags.ts";

/** The SLO, each queue's verdict, the recommendation and the growth steps. */
export function planSectionHtml(plan: PlanSection): string {
  const rows = plan.verdicts.map((v) => [
    escapeHtml(v.queue),
    v.current === undefined ? "" : escapeHtml(String(v.current)),
    consumersText(v.consumers),
    v.meets ? `<span class="badge meets">meets</span>` : `<span class="badge fails">fails</span>`,
    escapeHtml(v.explanation ?? ""),
  ]);
  const growth = plan.growth?.length
    ? htmlTable("growth", ["load ×", "consumers"], plan.growth.map((g) => [`×${formatNumber(g.factor)}`, escapeHtml(consumersText(g.consumers))]), [0]) + growthChart(plan.growth)
    : "";
  const sizes = planSizeRows(plan).map((r) => [
    escapeHtml(r.queue),
    r.setting,
    escapeHtml(r.now),
    escapeHtml(r.answer),
    r.meets ? `<span class="badge meets">meets</span>` : `<span class="badge fails">fails</span>`,
    escapeHtml(r.explanation),
  ]);
  return [
    `<section class="plan"><h2>Capacity plan</h2>`,
    `<p>SLO: <strong>${escapeHtml(plan.slo)}</strong>${plan.costPerHour !== undefined ? `; cost ${escapeHtml(formatNumber(plan.costPerHour))} per consumer-hour` : ""}.</p>`,
    plan.recommendation ? `<p class="recommendation">${escapeHtml(plan.recommendation)}</p>` : "",
    htmlTable("verdicts", ["queue", "consumers now", "consumers needed", "SLO", "why"], rows, [1, 2]),
    sizes.length ? `<h3>Prefetch and capacity</h3>` + htmlTable("sizes", ["queue", "setting", "now", "answer", "SLO", "why"], sizes, [2, 3]) : "",
    growth,
    `</section>`,
  ].join("");
}

const fmt = (v: number | null | undefined, f: (x: number) => string) => (v === undefined || v === null ? "" : escapeHtml(f(v)));

/** The sweep as a chart and a table of every point. */
export function sweepSectionHtml(sweep: SweepSection): string {
  const rows = sweep.points.flatMap((p) =>
    Object.entries(p.queues).map(([id, f]) => [
      escapeHtml(String(p.value)),
      escapeHtml(id),
      fmt(f.W, (x) => formatNumber(x * 1000)),
      fmt(f.Wq, (x) => formatNumber(x * 1000)),
      fmt(f.p99wait, (x) => formatNumber(x * 1000)),
      fmt(f.utilization, (x) => `${formatNumber(x * 100)}%`),
    ]),
  );
  return [
    `<section class="sweep"><h2>Sweep of ${escapeHtml(sweep.param)}</h2>`,
    sweepChart(sweep),
    htmlTable("sweep-table", [escapeHtml(sweep.param), "queue", "W (ms)", "Wq (ms)", "p99 wait (ms)", "utilization"], rows, [2, 3, 4, 5]),
    `</section>`,
  ].join("");
}
