import { mmcSojournSurvival, mmcWaitSurvival, mmckSojournSurvival, mmckWaitSurvival, survivalQuantile, type AnalyticResult } from "../analytic/index.ts";
import type { Scenario } from "../scenario/types.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import { analyzeScenario } from "../simulation/withAnalytic.ts";
import type { SloMetric } from "./slo/types.ts";

/** A queue's analytic model, with its exact survival functions where the model has them. */
export interface AnalyticView {
  result: AnalyticResult;
  /** P(wait > t) and P(sojourn > t) in seconds, for exact M/M/c and M/M/c/K models. */
  survival?: { wait: (t: number) => number; sojourn: (t: number) => number };
  /** The queue's capacity and whether it has a TTL: what a missing pBlock or pAbandon means. */
  bounded: boolean;
  ttl: boolean;
}

/** The analytic model of one queue of a scenario (via `analyzeScenario`), or why there is none. */
export function analyticView(scenario: Scenario, queueId: string): { view: AnalyticView; reason?: undefined } | { view: null; reason: string } {
  const a = analyzeScenario(scenario).queues[queueId];
  if (!a?.analytic) return { view: null, reason: a?.reason ?? "no analytic model applies" };
  const result = a.analytic;
  const spec = scenario.queues.find((q) => q.id === queueId)!;
  const view: AnalyticView = { result, bounded: spec.capacity !== null, ttl: spec.ttl !== undefined };
  const mmc = /^M\/M\/(\d+)$/.exec(result.model);
  const mmck = /^M\/M\/(\d+)\/(\d+)$/.exec(result.model);
  if (result.exact && !result.unstable && (mmc || mmck)) {
    const compiled = compileScenario(scenario);
    const q = compiled.find((c) => c.id === queueId)!;
    const lambda = offeredLoad(scenario, compiled)[q.index]!.lambda;
    const mu = 1 / q.service[0]!.mean;
    const c = Number((mmc ?? mmck)![1]);
    if (mmck) {
      const k = Number(mmck[2]);
      view.survival = { wait: (t) => mmckWaitSurvival(lambda, mu, c, k, t), sojourn: (t) => mmckSojournSurvival(lambda, mu, c, k, t) };
    } else {
      view.survival = { wait: (t) => mmcWaitSurvival(lambda, mu, c, t), sojourn: (t) => mmcSojournSurvival(lambda, mu, c, t) };
    }
  }
  return { view };
}

const levels: Record<string, "p50" | "p90" | "p95" | "p99" | "p999"> = { "0.5": "p50", "0.9": "p90", "0.95": "p95", "0.99": "p99", "0.999": "p999" };

/**
 * The analytic figure an SLO metric bounds: seconds for times, a fraction otherwise; Infinity
 * (times) or 1 (fractions of waiting messages) when the model says the queue is unstable;
 * undefined when the model does not give it (never guessed).
 */
export function analyticFigure(metric: SloMetric, view: AnalyticView): number | undefined {
  const a = view.result;
  const unstable = a.unstable === true;
  switch (metric.kind) {
    case "mean":
      return unstable ? Infinity : metric.of === "wait" ? a.Wq : a.W;
    case "percentile": {
      if (unstable) return Infinity;
      const key = levels[String(metric.q)];
      const block = metric.of === "wait" ? a.wait : a.sojourn;
      const given = key ? block?.[key] : undefined;
      if (given !== undefined) return given;
      const s = view.survival?.[metric.of];
      return s ? survivalQuantile(s, metric.q, a.W ?? 1) : undefined;
    }
    case "exceeds": {
      if (unstable) return 1;
      const s = view.survival?.[metric.of];
      if (s) return s(metric.thresholdS);
      return metric.of === "wait" && metric.thresholdS === 0 ? a.pWait : undefined;
    }
    case "dropped":
      return a.pBlock ?? (view.bounded ? undefined : 0);
    case "expired":
      return a.pAbandon ?? (view.ttl ? undefined : 0);
    case "utilization":
      return a.utilization ?? a.rho;
  }
}
