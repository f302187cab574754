import type { Scenario } from "../scenario/types.ts";
import { meanCi } from "../stats/meanCi.ts";
import { aggregate } from "./aggregate.ts";
import type { BatchRecorder } from "./batchRecorder.ts";
import { prepareRun, simulateReplication, type PreparedRun, type RunOptions, runLimits } from "./replication.ts";
import type { ReplicationModel } from "./replicationModel.ts";
import { summarizeReplication, type ReplicationSummary } from "./replicationSummary.ts";
import type { RunResult } from "./result.ts";
import { runDetail, type FirstReplication } from "./runDetail.ts";

export { planReplications, prepareRun, runLimits, simulateReplication, usesBatchMeans, type PreparedRun, type RunOptions } from "./replication.ts";

/**
 * Assembles the result of finished replications (in replication order). `first` is the first
 * replication's model, or what the charts read of it (its queue-length path and warm-up end);
 * `threads`, when over 1, the number of threads the replications ran on.
 */
export function finishRun(prep: PreparedRun, reps: ReplicationSummary[], extras: { batches: BatchRecorder | null; first: FirstReplication | null; wallMs: number; detail?: boolean; precision?: RunResult["precision"]; threads?: number }): RunResult {
  const result = aggregate(prep.scenario, prep.queues, prep.loads, reps, extras.batches);
  const detail = extras.detail && extras.first ? runDetail(extras.first, prep.queues, reps) : undefined;
  const events = reps.reduce((a, r) => a + r.events, 0);
  const stoppedAt = reps.findIndex((r) => r.stopped !== null);
  return {
    ...result,
    stopped: stoppedAt < 0 ? null : { reason: reps[stoppedAt]!.stopped!, replication: stoppedAt },
    replications: reps.length,
    ...(extras.precision ? { precision: extras.precision } : {}),
    warmup: prep.warmup,
    runtime: { events, wallMs: extras.wallMs, eventsPerSec: extras.wallMs > 0 ? Math.round(events / (extras.wallMs / 1000)) : 0, ...(extras.threads !== undefined && extras.threads > 1 ? { threads: extras.threads } : {}) },
    ...(detail ? { detail } : {}),
  };
}

/**
 * Interval (simulated s) at which the first replication records its queue-length path for the
 * charts: a 400th of the run's expected span, so the chart has ~400 points whatever its length.
 */
export function detailPathInterval(prep: PreparedRun): number {
  const { plan } = prep;
  const totalRate = prep.loads.reduce((a, l) => a + l.external, 0);
  const span = plan.duration < Infinity ? plan.duration + plan.warmupDuration : (plan.messages + plan.warmupMessages) / Math.max(totalRate, 1e-9);
  return span / 400;
}

/**
 * Simulates a validated scenario: warm-up (MSER-5 on a pilot run when "auto"), then the
 * replications with seeds derived by name from the scenario seed, and returns the `run --json`
 * result. Deterministic: the same scenario gives the same numbers everywhere.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const start = options.clock?.() ?? 0;
  const prep = prepareRun(scenario, options);
  const reps: ReplicationSummary[] = [];
  let batches: BatchRecorder | null = null;
  let first: ReplicationModel | null = null;
  const run = scenario.run;
  const clock = options.clock;
  const partialEveryMs = options.partialEveryMs ?? 500;
  let lastPartial = start;
  const sendPartial = (current: ReplicationSummary | null, model: ReplicationModel | null, currentBatches: BatchRecorder | null) => {
    lastPartial = clock?.() ?? 0;
    const sofar = current ? [...reps, current] : reps;
    options.onPartial!(finishRun(prep, sofar, { batches: batches ?? currentBatches, first: first ?? model, wallMs: lastPartial - start, detail: options.detail }));
  };
  // Within a replication: once warm, and at most every partialEveryMs of wall time.
  const checkpoint = options.onPartial && clock
    ? (model: ReplicationModel, currentBatches: BatchRecorder | null) => {
        if (model.warm && model.measuredDuration > 0 && clock() - lastPartial >= partialEveryMs) sendPartial(summarizeReplication(model), model, currentBatches);
      }
    : undefined;
  const runOne = (r: number) => {
    const onProgress = options.onProgress ? (f: number) => options.onProgress!((reps.length + f) / run.replications) : undefined;
    const out = simulateReplication(prep, r, { pathInterval: options.detail && first === null ? detailPathInterval(prep) : 0, onProgress, ...(r === 0 && options.trace ? { trace: options.trace } : {}) }, checkpoint);
    first ??= out.model;
    batches ??= out.batches;
    reps.push(out.summary);
  };
  for (let r = 0; r < run.replications; r++) {
    runOne(r);
    if (options.onPartial && r + 1 < run.replications && (!clock || clock() - lastPartial >= partialEveryMs / 5)) sendPartial(null, null, null);
  }
  let precision: RunResult["precision"];
  if (run.precision !== undefined) {
    const limit = run.maxReplications ?? runLimits.maxReplications;
    let achieved = relativePrecision(reps);
    while (achieved > run.precision && reps.length < limit && !reps.some((r) => r.stopped)) {
      runOne(reps.length);
      achieved = relativePrecision(reps);
    }
    precision = { target: run.precision, achieved, met: achieved <= run.precision };
  }
  return finishRun(prep, reps, { batches, first, wallMs: (options.clock?.() ?? 0) - start, detail: options.detail, precision });
}

function relativePrecision(reps: ReplicationSummary[]): number {
  if (reps.length < 2) return Infinity;
  // The precision target applies to the end-to-end mean time in system (W of the network).
  const { mean, ci95 } = meanCi(reps.map((r) => r.networkW));
  return mean > 0 ? ci95 / mean : Infinity;
}

