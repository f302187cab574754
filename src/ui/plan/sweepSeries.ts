import type { SweepFigure, SweepPoint } from "../../planner/index.ts";
import { sweepParams, type SweepInput } from "./sweepForm.ts";

/** A figure with its 95% interval (s); the interval is the figure itself when there is none. */
export interface Band {
  mean: number;
  low: number;
  high: number;
}

/** One point of the sweep chart: x in the panel's unit, the mean and p99 wait of the swept queue; null where it is unstable. */
export interface SweepRow {
  x: number;
  /** The second parameter's value (panel unit) in a 2-D sweep. */
  y?: number;
  meanWait: Band | null;
  p99Wait: Band | null;
  unstable: boolean;
}

function band(f: SweepFigure | null): Band | null {
  if (!f || !Number.isFinite(f.mean)) return null;
  const h = f.ci95 !== null && Number.isFinite(f.ci95) ? f.ci95 : 0;
  return { mean: f.mean, low: Math.max(0, f.mean - h), high: f.mean + h };
}

/** The rows the chart and the table draw, in the order of the sweep's values. */
export function sweepRows(input: SweepInput, points: SweepPoint[]): SweepRow[] {
  const k = sweepParams[input.param].factor;
  const ky = input.second ? sweepParams[input.second.param].factor : 1;
  return points.flatMap((p) => {
    const v = p.values[0];
    const w = p.values[1];
    const q = p.queues[input.queueId];
    if (typeof v !== "number" || !q) return [];
    const y = input.second && typeof w === "number" ? { y: w * ky } : {};
    return [{ x: v * k, ...y, meanWait: band(q.Wq), p99Wait: band(q.waitP99), unstable: q.unstable }];
  });
}
