import type { Scenario } from "../scenario/types.ts";
import { meanCi, mserTruncation } from "../stats/index.ts";
import { compileScenario, type CompiledQueue } from "./compile.ts";
import type { ReplicationPlan, TraceEvent } from "./model.ts";
import { createReplicationModel, type ReplicationModel } from "./replicationModel.ts";
import { offeredLoad, type QueueLoad } from "./offeredLoad.ts";
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
  /** Receives every event of the first replication (small runs: one line per message event). */
  trace?: (e: TraceEvent) => void;
  /** Also return `detail` (queue-length path, histograms) for charts. */
  detail?: boolean;
  /**
   * Receives the result so far while the run goes on, so a page can refine its charts: after
   * each replication but the last, and (with `clock`) within a replication every
   * `partialEveryMs` of wall time once warm-up is over. Reading a running replication brings its
   * time-integrals up to the current event, which can move the last binary digit of the final
   * figures; runs without `onPartial` are untouched.
   */
  onPartial?: (partial: RunResult) => void;
  /** Least wall time between two partial results (ms); default 500. */
  partialEveryMs?: number;
  /**
   * Which replication model runs: "auto" (the default) takes the specialised FifoNetworkModel
   * wherever it applies, "general" always NetworkModel. Results are identical; tests compare them.
   */
  model?: "auto" | "general";
}

/** A scenario compiled and warmed up: what every replication shares. */
export interface PreparedRun {
  scenario: Scenario;
  queues: CompiledQueue[];
  loads: QueueLoad[];
  plan: ReplicationPlan;
  warmup: WarmupInfo;
  /** Run every replication on the general NetworkModel (RunOptions.model "general"). */
  general?: boolean;
}

/** Compiles the scenario and settles the warm-up (running the MSER-5 pilot when "auto"). */
export function prepareRun(scenario: Scenario, options: RunOptions = {}, settled?: { plan: ReplicationPlan; warmup: WarmupInfo }): PreparedRun {
  const queues = compileScenario(scenario);
  const loads = offeredLoad(scenario, queues);
  const { plan, warmup } = settled ?? planReplications(scenario, queues, options);
  return { scenario, queues, loads, plan: { ...plan, clock: options.clock, timeBudgetMs: options.timeBudgetMs }, warmup, general: options.model === "general" };
}

/** Whether a run keeps batch means (one replication, no precision target). */
export function usesBatchMeans(scenario: Scenario): boolean {
  return scenario.run.replications === 1 && scenario.run.precision === undefined;
}

/**
 * Runs replication `r` of a prepared run. `checkpoint`, when given, is called with the running
 * model wherever progress is reported (every 2^16 events).
 */
export function simulateReplication(
  prep: PreparedRun,
  r: number,
  extra: Partial<ReplicationPlan> = {},
  checkpoint?: (model: ReplicationModel, batches: BatchRecorder | null) => void,
): { summary: ReplicationSummary; model: ReplicationModel; batches: BatchRecorder | null } {
  const onProgress = checkpoint
    ? (f: number) => {
        extra.onProgress?.(f);
        checkpoint(model, batches);
      }
    : extra.onProgress;
  const model = createReplicationModel(prep.queues, { ...prep.plan, ...extra, replication: r, ...(onProgress ? { onProgress } : {}) }, prep.general);
  let batches: BatchRecorder | null = null;
  if (usesBatchMeans(prep.scenario)) {
    const recorder = new BatchRecorder(model);
    model.onBatch = () => recorder.record();
    batches = recorder;
  }
  model.run();
  return { summary: summarizeReplication(model), model, batches };
}

/** Assembles the result of finished replications (in replication order). */
export function finishRun(prep: PreparedRun, reps: ReplicationSummary[], extras: { batches: BatchRecorder | null; first: ReplicationModel | null; wallMs: number; detail?: boolean; precision?: RunResult["precision"] }): RunResult {
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
    runtime: { events, wallMs: extras.wallMs, eventsPerSec: extras.wallMs > 0 ? Math.round(events / (extras.wallMs / 1000)) : 0 },
    ...(detail ? { detail } : {}),
  };
}

/**
 * Simulates a validated scenario: warm-up (MSER-5 on a pilot run when "auto"), then the
 * replications with seeds derived by name from the scenario seed, and returns the `run --json`
 * result. Deterministic: the same scenario gives the same numbers everywhere.
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const start = options.clock?.() ?? 0;
  const prep = prepareRun(scenario, options);
  const { plan } = prep;
  const reps: ReplicationSummary[] = [];
  let batches: BatchRecorder | null = null;
  let first: ReplicationModel | null = null;
  const run = scenario.run;
  const totalRate = prep.loads.reduce((a, l) => a + l.external, 0);
  const span = plan.duration < Infinity ? plan.duration + plan.warmupDuration : (plan.messages + plan.warmupMessages) / Math.max(totalRate, 1e-9);
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
    const out = simulateReplication(prep, r, { pathInterval: options.detail && first === null ? span / 400 : 0, onProgress, ...(r === 0 && options.trace ? { trace: options.trace } : {}) }, checkpoint);
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

/** Departures a warm-up pilot runs at least (when the run is that long). */
const pilotMinMessages = 20_000;

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
  // "auto": a pilot run with the stream names of replication -1, MSER-5 over its departures'
  // times in system. The pilot measures nothing else, and is a fifth of the run (at least
  // `pilotMinMessages`): MSER-5 truncates at most half its series, so it finds any warm-up up to
  // a tenth of the run; when its minimum falls past that half (warm-up not detected), the pilot
  // is run again at the run's full length, as long a series as the run itself would give.
  const pilotRun = (messages: number, duration: number) => {
    const model = createReplicationModel(queues, { ...base, replication: -1, recordWarmupSeries: true, warmupMessages: Infinity, warmupDuration: 0, pilot: { messages, duration } }, options.model === "general");
    model.run();
    const series = model.warmupSeries!;
    return { series, mser: mserTruncation(series.means()), short: model.stopped === null && (messages < base.messages || duration < base.duration) };
  };
  let pilot = pilotRun(Math.min(base.messages, Math.max(pilotMinMessages, Math.ceil(base.messages / 5))), base.duration / 5);
  if (!pilot.mser.detected && pilot.short) pilot = pilotRun(base.messages, base.duration);
  const { series, mser } = pilot;
  const messages = mser.index * series.batchSize;
  return { plan: { ...base, warmupMessages: messages }, warmup: { method: "MSER-5", messages, detected: mser.detected } };
}
