/**
 * One line per queue for the top of a report: offered load, utilization, W, p99 wait, model
 * and whether it is stable. Plain text; the HTML and Markdown builders escape it.
 */
import type { StationInput } from "../analytic/index.ts";
import type { RunResult } from "../simulation/result.ts";
import { analyticFigure, modelSummary } from "./figures.ts";
import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "./format.ts";
import { stationRho } from "./stations.ts";

/** A queue's summary line; `unstable` also marks the status. */
export interface GlanceRow {
  queue: string;
  rho: string;
  utilization: string;
  W: string;
  p99Wait: string;
  model: string;
  unstable: boolean;
}

/** Column titles of the summary table, in the order of `GlanceRow`'s fields. */
export const glanceHeader = ["queue", "ρ offered", "utilization", "W (sojourn)", "p99 wait", "model", "status"] as const;

/** The summary lines of a result, in the result's queue order. */
export function glanceRows(result: RunResult, inputs: Record<string, StationInput | null>): GlanceRow[] {
  const grows = "grows without bound";
  return Object.entries(result.queues).map(([id, q]) => {
    const s = q.simulated;
    const unstable = result.unstable.find((u) => u.queue === id);
    const input = inputs[id];
    const rho = unstable?.rho ?? (input ? stationRho(input) : undefined) ?? analyticFigure(q.analytic, "rho");
    return {
      queue: id,
      rho: rho === undefined ? "" : formatNumber(rho, 3),
      utilization: formatPercent(s.utilization.mean),
      W: s.steady ? formatEstimate(s.W.mean, s.W.ci95, "seconds") : grows,
      p99Wait: s.steady ? formatSeconds(s.wait.p99) : grows,
      model: modelSummary(q).title,
      unstable: unstable !== undefined,
    };
  });
}
