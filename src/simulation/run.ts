import type { Scenario } from "../scenario/types.ts";
import { meanCi, mserTruncation } from "../stats/index.ts";
import { compileScenario, type CompiledQueue } from "./compile.ts";
import { NetworkModel, type ReplicationPlan } from "./model.ts";
import { offeredLoad } from "./offeredLoad.ts";
import { aggregate } from "./aggregate.ts";
import { summarizeReplication, type ReplicationSummary } from "./replicationSummary.ts";
import { BatchRecorder } from "./batchRecorder.ts";
import type { RunResult, WarmupInfo } from "./result.ts";
import { runDetail } from "./runDetail.ts";

/** Defaults that bound every run (documented in the README): memory, events and time. */
export const runLimits = {
  /** Ready messages in one queue at which a run stops: bounds memory for unstable systems (~60 bytes a message). */
  backlogLimit: 1_000_000,
  /** Events per replication at which a run stops. */
  eventBudget: 2_000_000_000,
  /** Most replications `run.precision` may add. */
  maxReplications: 200,
};

export interface RunOptions {
  /** A wall clock in ms (performance.now); the core never reads one itself. */
  clock?: () => number;
  /** Stop a replication after this much wall time (needs `clock`). */
  timeBudgetMs?: number;
  /** Progress in [0, 1] over all replications. */
  onProgress?: (fraction: number) => void;
  /** Also return `detail` (queue-length path, histograms) for charts. */
  detail?: boolean;
  /** Run only these replication indices (parallel runners split the work); default all. */
  replicationIndices?: number[];
}

/**
 * Simulates a validated scenario: warm-up (MSER-5 on a pilot run when "auto"), then the
 * replications with seeds derived by name from the scenario seed, and returns the `run --json`
 * result. Deterministic: the same scenario gives the same numbers everywhere.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const start = options.clock?.() ?? 0;
  const queues = compileScenario(scenario);
  const loads = offeredLoad(scenario, queues);
  const { plan, warmup } = planReplications(scenario, queues, options);
  const reps: ReplicationSummary[] = [];
  const batches: BatchRecorder[] = [];
  const run = scenario.run;
  const fixedCount = run.replications;
  let stopped: RunResult["stopped"] = null;
  let events = 0;
  let first: NetworkModel | null = null;
  const totalRate = loads.reduce((a, l, i) => a + (scenario.queues[i]!.arrival ? l.lambda : 0), 0);
  const runOne = (r: number) => {
    const span = plan.duration < Infinity ? plan.duration + plan.warmupDuration : (plan.messages + plan.warmupMessages) / Math.max(totalRate, 1e-9);
    const pathInterval = options.detail && first === null ? span / 400 : 0;
    const model = new NetworkModel(queues, { ...plan, replication: r, pathInterval, onProgress: options.onProgress ? (f) => options.onProgress!((reps.length + f) / fixedCount) : undefined });
    let recorder: BatchRecorder | null = null;
    if (fixedCount === 1 && run.precision === undefined) {
      recorder = new BatchRecorder(model);
      model.onBatch = () => recorder!.record();
    }
    model.run();
    first ??= model;
    const summary = summarizeReplication(model);
    events += summary.events;
    if (summary.stopped && !stopped) stopped = { reason: summary.stopped, replication: r };
    reps.push(summary);
    if (recorder) batches.push(recorder);
  };
  const indices = options.replicationIndices ?? Array.from({ length: fixedCount }, (_, i) => i);
  for (const r of indices) runOne(r);
  let precision: RunResult["precision"];
  if (run.precision !== undefined && !options.replicationIndices) {
    const limit = run.maxReplications ?? runLimits.maxReplications;
    let achieved = relativePrecision(reps);
    while (achieved > run.precision && reps.length < limit && !stopped) {
      runOne(reps.length);
      achieved = relativePrecision(reps);
    }
    precision = { target: run.precision, achieved, met: achieved <= run.precision };
  }
  const wallMs = (options.clock?.() ?? 0) - start;
  const result = aggregate(scenario, queues, loads, reps, batches[0] ?? null);
  const detail = options.detail && first ? runDetail(first, queues, reps) : undefined;
  return {
    ...result,
    stopped,
    replications: reps.length,
    ...(precision ? { precision } : {}),
    warmup,
    runtime: { events, wallMs, eventsPerSec: wallMs > 0 ? Math.round(events / (wallMs / 1000)) : 0 },
    ...(detail ? { detail } : {}),
  };
}

function relativePrecision(reps: ReplicationSummary[]): number {
  if (reps.length < 2) return Infinity;
  // The precision target applies to the end-to-end mean time in system (W of the network).
  const { mean, ci95 } = meanCi(reps.map((r) => r.networkW));
  return mean > 0 ? ci95 / mean : Infinity;
}

/** Turns the scenario's run block into a replication plan, running the MSER-5 pilot when warm-up is "auto". */
export function planReplications(scenario: Scenario, queues: CompiledQueue[], options: RunOptions): { plan: ReplicationPlan; warmup: WarmupInfo } {
  const run = scenario.run;
  const base: ReplicationPlan = {
    seed: scenario.seed,
    replication: 0,
    warmupMessages: 0,
    warmupDuration: 0,
    messages: run.duration !== undefined ? Infinity : (run.messages ?? 100_000),
    duration: run.duration ?? Infinity,
    backlogLimit: run.backlogLimit ?? runLimits.backlogLimit,
    eventBudget: run.eventBudget ?? runLimits.eventBudget,
    clock: options.clock,
    timeBudgetMs: options.timeBudgetMs,
  };
  base.batchEvery = base.messages < Infinity ? Math.max(1, Math.floor(base.messages / 2048)) : 50;
  const w = run.warmup;
  if (w === 0) return { plan: base, warmup: { method: "none" } };
  if (typeof w === "object" && "messages" in w) return { plan: { ...base, warmupMessages: w.messages }, warmup: { method: "fixed", messages: w.messages } };
  if (typeof w === "object") return { plan: { ...base, warmupDuration: w.duration }, warmup: { method: "fixed", duration: w.duration } };
  // "auto": a pilot run with the stream names of replication -1, MSER-5 over its departures' times in system.
  const pilot = new NetworkModel(queues, { ...base, replication: -1, recordWarmupSeries: true });
  pilot.run();
  const series = pilot.warmupSeries!;
  const mser = mserTruncation(series.means());
  const messages = mser.index * series.batchSize;
  return { plan: { ...base, warmupMessages: messages }, warmup: { method: "MSER-5", messages, detected: mser.detected } };
}
