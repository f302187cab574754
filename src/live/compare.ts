import type { AnalyticResult } from "../analytic/index.ts";
import { formatSeconds } from "../report/format.ts";
import { minimalScenario, type Scenario } from "../scenario/index.ts";
import { compileScenario, offeredLoad } from "../simulation/index.ts";
import { analyzeScenario } from "../simulation/withAnalytic.ts";
import type { LiveEstimate } from "./estimate/estimateLive.ts";
import type { LiveFigure } from "./estimate/figure.ts";
import { fitScenario } from "./estimate/fitScenario.ts";

/** The observed figures, as `live --json` prints them. */
export type ObservedFigures = Pick<LiveEstimate, "lambda" | "throughput" | "consumers" | "prefetch" | "mu" | "rho" | "Lq" | "L" | "Wq" | "W" | "oldestAgeS" | "backlogGrowth" | "holdingS" | "consumerUtilisation">;

/** The analytic model of the queue, with the arrival rate it offers the queue. */
export type PredictedFigures = AnalyticResult & {
  /** Arrival rate into the queue (msg/s) by the traffic equations (`offeredLoad`); omitted when not finite. */
  lambda?: number;
};

/** DESIGN.md's `live --json` shape: observed beside predicted. */
export interface LiveReport {
  /** What was read, without credentials. */
  source: string;
  queue: string;
  /** Seconds of samples the estimate rests on. */
  window: number;
  samples: number;
  failed: number;
  resets: number;
  observed: ObservedFigures;
  /** The analytic model of the scenario's queue, or null (see `predictedFrom.reason`). */
  predicted: PredictedFigures | null;
  predictedFrom: { scenario: string; fitted: boolean; queue: string | null; reason?: string; definition?: Record<string, unknown> };
  overheads: LiveEstimate["overheads"];
  notes: string[];
}

/** Options of {@link compareLive}. */
export interface CompareOptions {
  source: string;
  queue: string;
  estimate: LiveEstimate;
  /** A given scenario; default: the one fitted to the estimate. */
  scenario?: Scenario;
  /** Queue of `scenario` to compare with; default the one named `queue`, or its only queue. */
  queueId?: string;
}

function pickQueue(scenario: Scenario, queue: string, queueId: string | undefined): string | { reason: string } {
  const ids = scenario.queues.map((q) => q.id);
  const want = queueId ?? (ids.includes(queue) ? queue : ids.length === 1 ? ids[0]! : undefined);
  if (want === undefined || !ids.includes(want)) return { reason: `scenario ${JSON.stringify(scenario.name)} has no queue ${JSON.stringify(queueId ?? queue)} (queues: ${ids.map((i) => JSON.stringify(i)).join(", ")})` };
  return want;
}

function withOverheads(a: AnalyticResult, publishToDeliverS: number): AnalyticResult {
  if (!(publishToDeliverS > 0)) return a;
  const out = { ...a };
  if (out.W !== undefined) out.W += publishToDeliverS;
  if (out.Wq !== undefined) out.Wq += publishToDeliverS;
  out.note = [a.note, `W and Wq include ${formatSeconds(publishToDeliverS)} publish-to-deliver overhead`].filter(Boolean).join("; ");
  return out;
}

/**
 * The model's own caveat (src/simulation/stationInput.ts) covers a model whose prefetch is over
 * 1; a model with prefetch 1 of a queue observed with a larger window misses it as much.
 */
function withObservedPrefetch(a: AnalyticResult, prefetch: number | null): AnalyticResult {
  if (prefetch === null || prefetch === 1 || a.note?.includes("prefetch")) return a;
  const caveat = `observed prefetch ${prefetch === 0 ? "unlimited" : prefetch}: a message in a busy consumer's window cannot move to an idle one; the model ignores this and underestimates the wait`;
  // Consumer capacity from the model's state law holds for prefetch 1 only (a consumer with
  // room in its window can take a message while busy).
  const { consumerCapacity: _dropped, ...rest } = a;
  return { ...rest, exact: false, note: [a.note, caveat].filter(Boolean).join("; ") };
}

function offeredLambda(scenario: Scenario, id: string): { lambda?: number } {
  const i = scenario.queues.findIndex((q) => q.id === id);
  const lambda = offeredLoad(scenario, compileScenario(scenario))[i]?.lambda;
  return lambda !== undefined && Number.isFinite(lambda) ? { lambda } : {};
}

/**
 * Puts a live estimate beside the analytic prediction for the same queue: the given scenario's
 * queue, or the M/M/c scenario fitted to the estimate (`fitScenario`). The prediction is
 * `analyzeScenario`'s `analytic` block, with the publish-to-deliver overhead added to W and Wq,
 * the arrival rate the model offers the queue, and a caveat in `note` when the queue is observed
 * with a prefetch over 1 that the model does not have. Pure; never throws (a missing model is `predicted: null` with the reason).
 */
export function compareLive(options: CompareOptions): LiveReport {
  const { estimate: e, source, queue } = options;
  const observed: ObservedFigures = {
    lambda: e.lambda, throughput: e.throughput, consumers: e.consumers, prefetch: e.prefetch, mu: e.mu, rho: e.rho,
    Lq: e.Lq, L: e.L, Wq: e.Wq, W: e.W, oldestAgeS: e.oldestAgeS, backlogGrowth: e.backlogGrowth, holdingS: e.holdingS,
    consumerUtilisation: e.consumerUtilisation,
  };
  const base = { source, queue, window: e.windowS, samples: e.samples, failed: e.failed, resets: e.resets, observed, overheads: e.overheads, notes: e.notes };
  let scenario = options.scenario;
  const fitted = scenario === undefined;
  if (!scenario) {
    const fit = fitScenario(e, { queueId: queue });
    if (!fit.ok) return { ...base, predicted: null, predictedFrom: { scenario: "fitted", fitted: true, queue: null, reason: fit.reason } };
    scenario = fit.scenario;
  }
  const id = pickQueue(scenario, queue, options.queueId);
  const from = { scenario: scenario.name, fitted, queue: typeof id === "string" ? id : null, ...(fitted ? { definition: minimalScenario(scenario) } : {}) };
  if (typeof id !== "string") return { ...base, predicted: null, predictedFrom: { ...from, reason: id.reason } };
  try {
    const qa = analyzeScenario(scenario).queues[id];
    if (!qa?.analytic) return { ...base, predicted: null, predictedFrom: { ...from, reason: qa?.reason ?? "no analytic model applies" } };
    const predicted = withObservedPrefetch(withOverheads(qa.analytic, e.overheads.publishToDeliverS), e.prefetch.value);
    return { ...base, predicted: { ...predicted, ...offeredLambda(scenario, id) }, predictedFrom: from };
  } catch (err) {
    return { ...base, predicted: null, predictedFrom: { ...from, reason: (err as Error).message } };
  }
}

/** A figure as `12.3 ± 0.4` (95%), or `-` with nothing known. */
export function formatFigure(f: LiveFigure, digits = 3): string {
  if (f.value === null) return "-";
  const v = Number(f.value.toPrecision(digits));
  return f.ci95 === null || f.ci95 === 0 ? `${v}` : `${v} ± ${Number(f.ci95.toPrecision(2))}`;
}
