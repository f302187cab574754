import { formatIssue, parseScenario, type Scenario } from "../../scenario/index.ts";
import type { LiveEstimate } from "./estimateLive.ts";

/** A fitted scenario, or the reason none can be fitted. */
export type FitResult = { ok: true; scenario: Scenario } | { ok: false; reason: string };

/** Options of {@link fitScenario}. */
export interface FitOptions {
  /** Queue id in the scenario; default "queue". */
  queueId?: string;
  /** Scenario name; default `live: <queueId>`. */
  name?: string;
  /** Seed of the fitted scenario; default 1. */
  seed?: number;
}

/**
 * The Kendall scenario a live estimate describes: one queue, Poisson arrivals at the observed
 * lambda, exponential service with mean 1/mu (which includes the ack-to-next-deliver
 * overhead), the observed consumers (rounded, at least 1) and prefetch: an M/M/c model, so
 * every other feature (analysis, simulation, planning) works on what was observed. Returns the
 * reason instead when lambda, mu or the consumers are unknown. Never throws.
 */
export function fitScenario(estimate: LiveEstimate, options: FitOptions = {}): FitResult {
  const { queueId = "queue", seed = 1 } = options;
  const lambda = estimate.lambda.value;
  const mu = estimate.mu.value;
  const c = estimate.consumers.value;
  if (lambda === null) return { ok: false, reason: `lambda unknown: ${estimate.lambda.reason ?? "no publish counter"}` };
  if (mu === null || !(mu > 0)) return { ok: false, reason: `mu unknown: ${estimate.mu.reason ?? "no service was observed"}` };
  if (c === null) return { ok: false, reason: `consumers unknown: ${estimate.consumers.reason ?? "not reported"}` };
  const consumers = Math.max(1, Math.round(c));
  const prefetch = estimate.prefetch.value ?? 1;
  const raw = {
    version: 1,
    name: options.name ?? `live: ${queueId}`,
    seed,
    queues: [{
      id: queueId,
      arrival: { process: "poisson", rate: lambda },
      service: { dist: "exponential", mean: 1 / mu },
      consumers,
      prefetch: Number.isInteger(prefetch) && prefetch >= 0 ? prefetch : 1,
    }],
  };
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, reason: `the fitted scenario is invalid: ${parsed.errors.map(formatIssue).join("; ")}` };
  return { ok: true, scenario: parsed.scenario };
}
