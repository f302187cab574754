import type { HistogramBin, Percentiles } from "../../simulation/result.ts";
import { formatNumber } from "../format.ts";
import { histogramCdf, type CdfPoint } from "../waitCdf.ts";
import { emptyChart, palette, plotHeight, plotWidth, renderChart, type LegendItem } from "./chart.ts";
import { linePath, linearScale, px, timeUnit } from "./scale.ts";

/** What the wait chart draws for one queue. */
export interface WaitChartData {
  queueId: string;
  wait: readonly HistogramBin[];
  sojourn: readonly HistogramBin[];
  waitPercentiles: Percentiles;
  sojournPercentiles: Percentiles;
  /** The model's P(Wq <= t), when it gives the whole distribution. */
  analyticCdf: ((t: number) => number) | null;
  /** The model's wait percentiles (s), drawn as dots when there is no whole distribution. */
  analyticPercentiles: Partial<Record<"p50" | "p90" | "p95" | "p99", number>>;
  /** Model name for the legend. */
  model: string | null;
  /** The backlog grew: the distribution describes this run only. */
  unstable: boolean;
}

const levels = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;

/**
 * Distribution functions of the wait and of the time in system from the run's histograms
 * (exact at bin edges), up to the larger p99.9, with the model's wait distribution where it
 * gives one in closed form, or its wait percentiles as dots.
 */
export function waitChart(d: WaitChartData): string {
  const title = d.unstable ? "Wait and time in system (this run only: the backlog grows)" : "Wait and time in system";
  const waitCdf = histogramCdf(d.wait);
  const sojournCdf = histogramCdf(d.sojourn);
  if (waitCdf.length === 0 && sojournCdf.length === 0) return emptyChart(title, "no message was served after warm-up.");
  const maxT = Math.max(d.waitPercentiles.p999, d.sojournPercentiles.p999) * 1.05 || 1;
  const unit = timeUnit(maxT);
  const x = linearScale([0, maxT * unit.factor], [0, plotWidth]);
  const y = linearScale([0, 1], [plotHeight, 0]);
  const toXY = (pts: CdfPoint[]) => linePath(pts.map((p) => [x(Math.min(p.t, maxT) * unit.factor), y(p.p)] as const));
  const body = [
    `<path d="${toXY(sojournCdf)}" fill="none" stroke="${palette.sojourn}" stroke-width="2"/>`,
    `<path d="${toXY(waitCdf)}" fill="none" stroke="${palette.simulated}" stroke-width="2"/>`,
  ];
  const legend: LegendItem[] = [
    { label: "wait, simulated", color: palette.simulated, mark: "line" },
    { label: "time in system, simulated", color: palette.sojourn, mark: "line" },
  ];
  if (d.analyticCdf) {
    const f = d.analyticCdf;
    const pts = Array.from({ length: 121 }, (_, i) => ({ t: (maxT * i) / 120, p: f((maxT * i) / 120) }));
    body.push(`<path class="analytic" d="${toXY(pts)}" fill="none" stroke="${palette.analytic}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    legend.push({ label: `wait, ${d.model ?? "model"} (exact)`, color: palette.analytic, mark: "dashed" });
  } else {
    const dots = Object.entries(d.analyticPercentiles).flatMap(([k, t]) =>
      t !== undefined && Number.isFinite(t) && t <= maxT ? [`<circle cx="${px(x(t * unit.factor))}" cy="${px(y(levels[k as keyof typeof levels]))}" r="3.5" fill="${palette.analytic}"><title>${k} wait, analytic: ${formatNumber(t * unit.factor)} ${unit.unit}</title></circle>`] : [],
    );
    body.push(...dots);
    if (dots.length > 0) legend.push({ label: `wait percentiles, ${d.model ?? "model"}`, color: palette.analytic, mark: "dot" });
  }
  return renderChart({
    kind: "wait",
    title,
    description: `Fraction of messages of ${d.queueId} served within each time, up to ${formatNumber(maxT * unit.factor)} ${unit.unit} (beyond the 99.9th percentile).`,
    xLabel: `time (${unit.unit})`,
    yLabel: "fraction ≤ time",
    x,
    y,
    yFormat: (v) => `${formatNumber(v * 100)}%`,
    legend,
    body: body.join(""),
  });
}
