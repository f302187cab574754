import { formatNumber, formatPercent, formatSeconds } from "../report/format.ts";
import type { SloMetric } from "./slo/types.ts";
import { isTimeMetric } from "./slo/types.ts";

/** A figure of an SLO metric for people: `141 ms`, `12.5%`, `unbounded`. */
export function formatFigure(metric: SloMetric, value: number): string {
  if (value === Infinity) return "unbounded (the queue grows)";
  return isTimeMetric(metric) ? formatSeconds(value) : formatPercent(value);
}

function timeScale(s: number): [number, string] {
  const abs = Math.abs(s);
  if (abs > 0 && abs < 1e-3) return [1e6, "µs"];
  if (abs < 1) return [1e3, "ms"];
  if (abs < 120) return [1, "s"];
  return abs < 7200 ? [1 / 60, "min"] : [1 / 3600, "h"];
}

/** A 95% interval `133-150 ms` (one unit, chosen from the upper end), or `20.1-21.3%`. */
export function formatInterval(metric: SloMetric, low: number, high: number): string {
  const lo = Math.max(0, low);
  if (!isTimeMetric(metric)) return `${formatNumber(lo * 100, 3)}-${formatNumber(high * 100, 3)}%`;
  const [k, unit] = timeScale(high);
  return `${formatNumber(lo * k, 3)}-${formatNumber(high * k, 3)} ${unit}`;
}

/** Seconds as a duration for drain times: `4.2 min`. */
export function formatDuration(s: number): string {
  return s === Infinity ? "never (the consumers cannot keep up)" : formatSeconds(s);
}
