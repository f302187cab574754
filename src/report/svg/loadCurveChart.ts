import type { Estimate } from "../../simulation/result.ts";
import { escapeHtml } from "../escape.ts";
import { formatNumber } from "../format.ts";
import type { LoadCurve } from "../loadCurve.ts";
import { palette, plotHeight, plotWidth, renderChart, type LegendItem } from "./chart.ts";
import { linePath, linearScale, niceDomain, px, timeUnit } from "./scale.ts";

/** The utilization chart's data: the analytic curve and the simulated figures at the current load. */
export interface LoadCurveChartData {
  queueId: string;
  curve: LoadCurve;
  model: string;
  /** Simulated mean time in system and p99 wait at the current load; omitted when not steady. */
  simulated?: { W: Estimate; p99Wait: number };
  /** A document-unique id for the clip path (no scenario text in it). */
  uid: string;
}

/**
 * Analytic mean time in system (W) and 99th-percentile wait against the offered load per
 * consumer, with the current load marked and the simulated figures at that load. The time axis
 * stops above the simulated points and the curve at 90% of the load axis, so the knee shows.
 */
export function loadCurveChart(d: LoadCurveChartData): string {
  const { curve } = d;
  const visible = curve.points.filter((p) => p.rho <= 0.9 * curve.rhoMax);
  const sim = d.simulated;
  const top = Math.max(...visible.map((p) => Math.max(p.W ?? 0, p.p99Wait ?? 0)), sim ? Math.max(sim.W.mean + sim.W.ci95, sim.p99Wait) : 0) * 1.1 || 1;
  const unit = timeUnit(top);
  const x = linearScale([0, curve.rhoMax], [0, plotWidth]);
  const y = linearScale(niceDomain(0, top * unit.factor), [plotHeight, 0]);
  const series = (key: "W" | "p99Wait") => linePath(curve.points.map((p) => (p[key] === undefined ? undefined : ([x(p.rho), y(p[key]! * unit.factor)] as const))));
  const hasW = curve.points.some((p) => p.W !== undefined);
  const hasP99 = curve.points.some((p) => p.p99Wait !== undefined);
  const clip = `clip-${d.uid}`;
  const body = [`<clipPath id="${escapeHtml(clip)}"><rect x="0" y="0" width="${plotWidth}" height="${plotHeight}"/></clipPath><g clip-path="url(#${escapeHtml(clip)})">`];
  if (hasW) body.push(`<path d="${series("W")}" fill="none" stroke="${palette.analytic}" stroke-width="2"/>`);
  if (hasP99) body.push(`<path d="${series("p99Wait")}" fill="none" stroke="${palette.p99}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  const rx = x(Math.min(curve.rho, curve.rhoMax));
  if (sim) {
    const cx = px(rx);
    body.push(
      `<path d="M${cx},${px(y((sim.W.mean - sim.W.ci95) * unit.factor))}V${px(y((sim.W.mean + sim.W.ci95) * unit.factor))}" stroke="${palette.simulated}" stroke-width="1.5"/>`,
      `<circle cx="${cx}" cy="${px(y(sim.W.mean * unit.factor))}" r="4" fill="${palette.simulated}"/>`,
      `<circle cx="${cx}" cy="${px(y(sim.p99Wait * unit.factor))}" r="4" fill="#fff" stroke="${palette.p99}" stroke-width="2"/>`,
    );
  }
  body.push("</g>");
  const unstable = curve.rho >= 1 && curve.rhoMax <= 1;
  const label = unstable ? `ρ = ${formatNumber(curve.rho)} (unstable)` : `now: ρ = ${formatNumber(curve.rho)}`;
  const right = rx > plotWidth - 110;
  body.push(
    `<line class="current" x1="${px(rx)}" x2="${px(rx)}" y1="0" y2="${plotHeight}" stroke="${palette.current}" stroke-width="1.5"/>`,
    `<text class="marker-label" x="${px(rx + (right ? -4 : 4))}" y="12" text-anchor="${right ? "end" : "start"}" fill="${palette.current}">${escapeHtml(label)}</text>`,
  );
  const legend: LegendItem[] = [
    ...(hasW ? [{ label: `W (time in system), ${d.model}`, color: palette.analytic, mark: "line" as const }] : []),
    ...(hasP99 ? [{ label: `p99 wait, ${d.model}`, color: palette.p99, mark: "dashed" as const }] : []),
    ...(sim ? [{ label: "W simulated (95% CI)", color: palette.simulated, mark: "dot" as const }, { label: "p99 wait simulated", color: palette.p99, mark: "ring" as const }] : []),
    { label: "current load", color: palette.current, mark: "line" },
  ];
  return renderChart({
    kind: "load-curve",
    title: "Waiting against load",
    description: `Analytic time in system and 99th-percentile wait of ${d.queueId} as its arrival rate is scaled from ρ = 0.02 to ${formatNumber(curve.rhoMax)} per consumer, consumers and service unchanged; the current load is ρ = ${formatNumber(curve.rho)}.`,
    xLabel: "offered load per consumer ρ",
    yLabel: `time (${unit.unit})`,
    x,
    y,
    legend,
    body: body.join(""),
  });
}
