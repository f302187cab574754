import type { Scenario } from "../scenario/types.ts";
import { mserTruncation } from "../stats/mserTruncation.ts";
import { BatchRecorder } from "./batchRecorder.ts";
import { compileScenario, type CompiledQueue } from "./compile.ts";
import type { ReplicationPlan, TraceEvent } from "./model.ts";
import { offeredLoad, type QueueLoad } from "./offeredLoad.ts";
import { createReplicationModel, type ReplicationModel } from "./replicationModel.ts";
import { summarizeReplication, type ReplicationSummary } from "./replicationSummary.ts";
import type { RunResult, WarmupInfo } from "./result.ts";

/*
 * One replication of a scenario, from compiling it to its summary: what a worker thread needs,
 * and nothing of the aggregation (confidence intervals, Student's t) that only the thread
 * assembling the result does, so a worker loads less.
 */

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

/** Below this many messages in all, starting threads or workers (~0.1 s each, and a cold JIT) costs more than it saves. */
const PARALLEL_WORTH_IT = 5_000_000;

/**
 * Whether a scenario's replications are worth running on several threads (the CLI) or workers
 * (the page): more than one replication, no precision target (which adds replications one at a
 * time), and at least 5 * 10^6 messages in all.
 */
export function parallelWorthIt(scenario: Scenario): boolean {
  const run = scenario.run;
  if (run.replications < 2 || run.precision !== undefined) return false;
  const rate = scenario.queues.reduce((a, q) => a + (q.arrival?.process === "poisson" ? q.arrival.rate : 0), 0);
  const perReplication = run.messages ?? (run.duration ?? 0) * rate;
  return perReplication * run.replications >= PARALLEL_WORTH_IT;
}

/** The plan without its functions (clock, progress), which cannot cross to another thread. */
export function plainPlan(plan: ReplicationPlan): ReplicationPlan {
  const { clock: _c, onProgress: _p, ...rest } = plan;
  return rest;
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
