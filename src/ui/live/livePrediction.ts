import { compareLive, fitScenario, type LiveEstimate } from "../../live/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { compileScenario, offeredLoad } from "../../simulation/index.ts";
import { finiteOrNull } from "./liveHistory.ts";

/** Which model the charts overlay: the page's scenario (its selected queue) or one fitted to the readings. */
export type PredictFrom = "scenario" | "fitted";

/** The model's figures for the observed queue; each null when the model gives none (or unbounded). */
export interface LivePrediction {
  /** What the figures come from, e.g. `M/M/2 of "orders", queue "orders"`. */
  label: string;
  lambda: number | null;
  throughput: number | null;
  rho: number | null;
  Lq: number | null;
  Wq: number | null;
  unstable: boolean;
}

/** The prediction, or why there is none. */
export type PredictionResult = { ok: true; value: LivePrediction } | { ok: false; reason: string };

function arrivalRate(scenario: Scenario, queueId: string): number | null {
  try {
    const i = scenario.queues.findIndex((q) => q.id === queueId);
    return i < 0 ? null : finiteOrNull(offeredLoad(scenario, compileScenario(scenario))[i]?.lambda);
  } catch {
    return null;
  }
}

/**
 * The model's prediction for the observed queue, through `compareLive` (that is,
 * `analyzeScenario`): from the page's scenario and selected queue, or from the M/M/c scenario
 * fitted to the estimate. Pure; never throws.
 */
export function livePrediction(from: PredictFrom, scenario: Scenario, queueId: string, estimate: LiveEstimate | null, queueName: string): PredictionResult {
  if (from === "fitted" && !estimate) return { ok: false, reason: "no readings to fit yet" };
  const fitted = from === "fitted" ? fitScenario(estimate!, { queueId: "live" }) : null;
  if (fitted && !fitted.ok) return { ok: false, reason: fitted.reason };
  const model = fitted?.ok ? fitted.scenario : scenario;
  const id = fitted?.ok ? "live" : queueId;
  const base = estimate ?? emptyEstimate;
  const report = compareLive({ source: "page", queue: queueName, estimate: base, scenario: model, queueId: id });
  const a = report.predicted;
  if (!a) return { ok: false, reason: report.predictedFrom.reason ?? "no analytic model applies" };
  const unstable = a.unstable === true;
  return {
    ok: true,
    value: {
      label: `${a.model}${fitted ? " fitted to the readings" : ` of ${JSON.stringify(scenario.name)}, queue ${JSON.stringify(queueId)}`}`,
      lambda: arrivalRate(model, id),
      throughput: finiteOrNull(a.throughput),
      rho: finiteOrNull(a.rho),
      Lq: unstable ? null : finiteOrNull(a.Lq),
      Wq: unstable ? null : finiteOrNull(a.Wq),
      unstable,
    },
  };
}

const none = { value: null, se: null, ci95: null, windowS: 0, n: 0 };
const emptyEstimate: LiveEstimate = {
  windowS: 0, samples: 0, failed: 0, resets: 0,
  lambda: none, throughput: none, backlogGrowth: none, consumers: none, prefetch: none, holdingS: none, mu: none, rho: none,
  Lq: none, L: none, Wq: none, W: none, oldestAgeS: none, consumerUtilisation: none,
  overheads: { publishToDeliverS: 0, ackToNextDeliverS: 0 }, notes: [],
};
