import { compareLive, fitScenario, type BrokerOverheads, type LiveEstimate } from "../../live/index.ts";
import type { Scenario } from "../../scenario/index.ts";
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
  /** Mean time in the broker (s): Wq plus the service time. */
  W: number | null;
  /** RabbitMQ's consumer utilisation as the model predicts it (1 - P(every consumer busy)), where the model gives it. */
  consumerCapacity: number | null;
  unstable: boolean;
  /** The model's caveats, `; `-separated (approximations, a prefetch over 1, overheads added), or null. */
  note: string | null;
}

/** The prediction, or why there is none. */
export type PredictionResult = { ok: true; value: LivePrediction } | { ok: false; reason: string };

/**
 * The model's prediction for the observed queue, through `compareLive` (that is,
 * `analyzeScenario`): from the page's scenario and selected queue, or from the M/M/c scenario
 * fitted to the estimate, with the estimate's broker overheads applied as `kendall live` applies
 * them (publish-to-deliver added to Wq and W; ack-to-next-deliver is in the estimated mu, so in
 * the fitted model). `overheads`, when given, replaces the estimate's (the page's settings before
 * the first reading). Pure; never throws.
 */
export function livePrediction(from: PredictFrom, scenario: Scenario, queueId: string, estimate: LiveEstimate | null, queueName: string, overheads?: BrokerOverheads): PredictionResult {
  if (from === "fitted" && !estimate) return { ok: false, reason: "no readings to fit yet" };
  const fitted = from === "fitted" ? fitScenario(estimate!, { queueId: "live" }) : null;
  if (fitted && !fitted.ok) return { ok: false, reason: fitted.reason };
  const model = fitted?.ok ? fitted.scenario : scenario;
  const id = fitted?.ok ? "live" : queueId;
  const base = overheads ? { ...(estimate ?? emptyEstimate), overheads } : (estimate ?? emptyEstimate);
  const report = compareLive({ source: "page", queue: queueName, estimate: base, scenario: model, queueId: id });
  const a = report.predicted;
  if (!a) return { ok: false, reason: report.predictedFrom.reason ?? "no analytic model applies" };
  const unstable = a.unstable === true;
  return {
    ok: true,
    value: {
      label: `${a.model}${fitted ? " fitted to the readings" : ` of ${JSON.stringify(scenario.name)}, queue ${JSON.stringify(queueId)}`}`,
      lambda: finiteOrNull(a.lambda),
      throughput: finiteOrNull(a.throughput),
      rho: finiteOrNull(a.rho),
      Lq: unstable ? null : finiteOrNull(a.Lq),
      Wq: unstable ? null : finiteOrNull(a.Wq),
      W: unstable ? null : finiteOrNull(a.W),
      consumerCapacity: finiteOrNull(a.consumerCapacity),
      unstable,
      note: a.note ?? null,
    },
  };
}

const none = { value: null, se: null, ci95: null, windowS: 0, n: 0 };
const emptyEstimate: LiveEstimate = {
  windowS: 0, samples: 0, failed: 0, resets: 0,
  lambda: none, throughput: none, backlogGrowth: none, consumers: none, prefetch: none, holdingS: none, mu: none, rho: none,
  Lq: none, L: none, Wq: none, W: none, waitReadyOnly: false, oldestAgeS: none, consumerUtilisation: none,
  overheads: { publishToDeliverS: 0, ackToNextDeliverS: 0 }, notes: [],
};
