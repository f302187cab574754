import { formatNumber } from "../format.ts";
import type { PlanGrowthStep, SweepSection } from "../types.ts";
import { palette, plotHeight, plotWidth, renderChart, type LegendItem } from "./chart.ts";
import { linePath, linearScale, niceDomain, px, timeUnit } from "./scale.ts";

/** Colours for one series per queue (Okabe & Ito), repeating after eight. */
const seriesColors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** x positions of sweep values: the values themselves when all are numbers, else their order. */
function sweepAxis(sweep: SweepSection) {
  const numeric = sweep.points.every((p) => typeof p.value === "number" && Number.isFinite(p.value));
  const xs = sweep.points.map((p, i) => (numeric ? (p.value as number) : i));
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const x = linearScale(lo === hi ? [lo - 1, hi + 1] : [lo, hi], [0, plotWidth]);
  // Whole-number values (consumers, prefetch) or categories get ticks at whole numbers only.
  const whole = !numeric || xs.every(Number.isInteger);
  const xFormat = (v: number) => (numeric ? formatNumber(v) : String(sweep.points[v]?.value ?? ""));
  return { xs, x, xFormat, xTicks: whole ? x.ticks(7).filter(Number.isInteger) : undefined };
}

/** Mean time in system (solid) and p99 wait (dashed) of every queue across the sweep's values. */
export function sweepChart(sweep: SweepSection): string {
  const queues = [...new Set(sweep.points.flatMap((p) => Object.keys(p.queues)))];
  const { xs, x, xFormat, xTicks } = sweepAxis(sweep);
  const values = sweep.points.flatMap((p) => Object.values(p.queues).flatMap((f) => [f.W, f.p99wait])).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const top = Math.max(0, ...values) * 1.05 || 1;
  const unit = timeUnit(top);
  const y = linearScale(niceDomain(0, top * unit.factor), [plotHeight, 0]);
  const body: string[] = [];
  const legend: LegendItem[] = [];
  queues.forEach((id, k) => {
    const color = seriesColors[k % seriesColors.length]!;
    const at = (key: "W" | "p99wait") => sweep.points.map((p, i) => {
      const v = p.queues[id]?.[key];
      return v === undefined || v === null || !Number.isFinite(v) ? undefined : ([x(xs[i]!), y(v * unit.factor)] as const);
    });
    const w = at("W");
    const p99 = at("p99wait");
    if (w.some(Boolean)) {
      body.push(`<path d="${linePath(w)}" fill="none" stroke="${color}" stroke-width="2"/>`, ...w.flatMap((p) => (p ? [`<circle cx="${px(p[0])}" cy="${px(p[1])}" r="3" fill="${color}"/>`] : [])));
      legend.push({ label: `${id}: W`, color, mark: "line" });
    }
    if (p99.some(Boolean)) {
      body.push(`<path d="${linePath(p99)}" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
      legend.push({ label: `${id}: p99 wait`, color, mark: "dashed" });
    }
  });
  return renderChart({
    kind: "sweep",
    title: `Sweep of ${sweep.param}`,
    description: `Mean time in system and 99th-percentile wait of each queue at ${sweep.points.length} values of ${sweep.param}.`,
    xLabel: sweep.param,
    yLabel: `time (${unit.unit})`,
    x,
    y,
    xFormat,
    ...(xTicks ? { xTicks } : {}),
    legend,
    body: body.join(""),
  });
}

/** Consumers needed as the load grows: one step line per queue (or one for the total). */
export function growthChart(growth: readonly PlanGrowthStep[]): string {
  const series = new Map<string, [number, number][]>();
  for (const g of growth) {
    const entries = g.consumers === null || typeof g.consumers === "number" ? [["consumers", g.consumers] as const] : Object.entries(g.consumers);
    for (const [id, c] of entries) if (c !== null) series.set(id, [...(series.get(id) ?? []), [g.factor, c]]);
  }
  const factors = growth.map((g) => g.factor);
  const counts = [...series.values()].flatMap((s) => s.map(([, c]) => c));
  const x = linearScale([Math.min(...factors, 1), Math.max(...factors, 1) === Math.min(...factors, 1) ? 2 : Math.max(...factors, 1)], [0, plotWidth]);
  const y = linearScale(niceDomain(0, Math.max(1, ...counts)), [plotHeight, 0]);
  const body: string[] = [];
  const legend: LegendItem[] = [];
  [...series.entries()].forEach(([id, pts], k) => {
    const color = series.size === 1 ? palette.simulated : seriesColors[k % seriesColors.length]!;
    const sorted = [...pts].sort((a, b) => a[0] - b[0]);
    const steps = sorted.flatMap(([f, c], i) => (i === 0 ? [[x(f), y(c)] as const] : [[x(f), y(sorted[i - 1]![1])] as const, [x(f), y(c)] as const]));
    body.push(`<path d="${linePath(steps)}" fill="none" stroke="${color}" stroke-width="2"/>`, ...sorted.map(([f, c]) => `<circle cx="${px(x(f))}" cy="${px(y(c))}" r="3.5" fill="${color}"/>`));
    legend.push({ label: id, color, mark: "line" });
  });
  return renderChart({
    kind: "growth",
    title: "Consumers needed as the load grows",
    description: `The fewest consumers that meet the SLO at ${growth.length} growth factors of today's arrival rates.`,
    xLabel: "load growth factor",
    yLabel: "consumers",
    x,
    y,
    xFormat: (v) => `×${formatNumber(v)}`,
    legend,
    body: body.join(""),
  });
}
