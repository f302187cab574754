import type { Scenario } from "../scenario/types.ts";
import type { BatchRecorder } from "../simulation/batchRecorder.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import type { ReplicationSummary } from "../simulation/replicationSummary.ts";
import type { RunResult } from "../simulation/result.ts";
import { finishRun, prepareRun, simulateReplication } from "../simulation/run.ts";

/**
 * How the planner's confirming simulations are bounded. The scenario's own run settings are
 * used (seed, warm-up, run length) except that each replication stops after at most
 * `maxMessages` messages (a `duration` run is cut to the time those messages take at the
 * outside arrival rate, except with a rate `profile`, whose whole run is kept so that every
 * part of the period is seen), and the replication count is brought into
 * [minReplications, maxReplications]: at least 5 so that percentiles get an interval across
 * replications, at most 10 so that a plan stays within seconds. `precision` is dropped.
 */
export interface PlanSimulation {
  maxMessages: number;
  minReplications: number;
  maxReplications: number;
}

/** The default bounds: 20,000 messages per replication, 5 to 10 replications. */
export const planSimulationDefaults: PlanSimulation = { maxMessages: 20_000, minReplications: 5, maxReplications: 10 };

/** One simulated point: the `run --json` result and each replication's own figures (for percentile intervals). */
export interface SimulatedPoint {
  result: RunResult;
  replications: ReplicationSummary[];
  /** Queue ids in scenario order: the index of each queue in `replications[r].queues`. */
  ids: string[];
}

/** The scenario with its run settings bounded as `PlanSimulation` says. */
export function boundedRun(scenario: Scenario, bounds: PlanSimulation): Scenario {
  const run = { ...scenario.run };
  delete run.precision;
  delete run.maxReplications;
  run.replications = Math.min(bounds.maxReplications, Math.max(bounds.minReplications, run.replications));
  // A time-varying profile keeps its whole run: cutting it short would simulate part of the day only.
  const profile = scenario.queues.some((q) => q.arrival?.process === "profile");
  if (run.duration !== undefined && !profile) {
    const rate = offeredLoad(scenario, compileScenario(scenario)).reduce((a, l) => a + l.external, 0);
    if (rate > 0) run.duration = Math.min(run.duration, bounds.maxMessages / rate);
  } else if (run.duration === undefined) {
    run.messages = Math.min(run.messages ?? bounds.maxMessages, bounds.maxMessages);
  }
  return { ...scenario, run };
}

/**
 * Simulates a scenario as `runScenario` does (same warm-up, seeds and streams, so the same
 * numbers) and keeps each replication's summary, from which percentiles and tail
 * probabilities get a Student-t interval across replications. `precision` is not applied.
 */
export function simulatePoint(scenario: Scenario): SimulatedPoint {
  const prep = prepareRun(scenario);
  const replications: ReplicationSummary[] = [];
  let batches: BatchRecorder | null = null;
  for (let r = 0; r < scenario.run.replications; r++) {
    const out = simulateReplication(prep, r);
    batches ??= out.batches;
    replications.push(out.summary);
  }
  const result = finishRun(prep, replications, { batches, first: null, wallMs: 0 });
  return { result, replications, ids: prep.queues.map((q) => q.id) };
}
