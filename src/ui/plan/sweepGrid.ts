import type { SweepPoint } from "../../planner/index.ts";
import { sweepParams, type SweepInput } from "./sweepForm.ts";

/** Which wait the heat map colours by. */
export type GridMetric = "mean" | "p99";

/** One cell of a 2-D sweep: x and y in the panel's units, the wait (s), null where the queue is unstable or has no figure. */
export interface GridCell {
  x: number;
  y: number;
  wait: number | null;
  unstable: boolean;
}

/** The heat map's cells: the two axes' values (panel units, in sweep order) and the cells finished so far. */
export interface SweepGrid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Smallest and largest finite wait among the cells (s); null when no cell has one. */
  domain: [number, number] | null;
}

const finite = (v: number | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The cells of a 2-D sweep of `input`'s queue coloured by `metric` (the mean wait Wq or the
 * p99 wait). Unstable points and points without a finite figure get `wait: null`, never NaN.
 * Returns an empty grid for a 1-D input.
 */
export function sweepGrid(input: SweepInput, points: SweepPoint[], metric: GridMetric): SweepGrid {
  const second = input.second;
  if (!second) return { xs: [], ys: [], cells: [], domain: null };
  const kx = sweepParams[input.param].factor;
  const ky = sweepParams[second.param].factor;
  const cells = points.flatMap((p): GridCell[] => {
    const [vx, vy] = p.values;
    const q = p.queues[input.queueId];
    if (typeof vx !== "number" || typeof vy !== "number" || !q) return [];
    const figure = metric === "mean" ? q.Wq : q.waitP99;
    return [{ x: vx * kx, y: vy * ky, wait: q.unstable ? null : finite(figure?.mean), unstable: q.unstable }];
  });
  const waits = cells.flatMap((c) => (c.wait === null ? [] : [c.wait]));
  const domain: [number, number] | null = waits.length ? [Math.min(...waits), Math.max(...waits)] : null;
  return { xs: input.values.map((v) => v * kx), ys: second.values.map((v) => v * ky), cells, domain };
}

/** The axis title of a swept parameter, with its unit. */
export function paramTitle(param: SweepInput["param"]): string {
  const spec = sweepParams[param];
  return `${spec.label.toLowerCase()}${spec.unit ? ` (${spec.unit})` : ""}`;
}
