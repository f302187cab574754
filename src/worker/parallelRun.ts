/**
 * Replications on several workers at once: the page's counterpart of `runScenarioThreads`
 * (src/worker/threads.ts, Node's worker_threads for the CLI), written against a small `Helper`
 * interface so that it runs on Web Workers in the page and on in-process stand-ins in tests.
 *
 * The coordinator (`runScenarioParallel`, in the page's simulation worker) runs no replication
 * itself: it settles the warm-up (the MSER pilot) while its helpers start (or takes those a
 * previous run left in its `HelperPool`, already warm), then hands out
 * replication indices one at a time as helpers come free, so a faster helper takes more and none
 * waits for another's last one. Each helper (`serveReplications`, in src/worker/replicationWorker.ts)
 * runs the replications it is given and sends back their summaries as plain data. Replication r
 * draws the streams named for r whoever runs it, and the summaries are assembled in replication
 * order, so the result is the sequential `runScenario`'s. Being free, the coordinator answers
 * at once, and passes on progress and results so far as `runScenario` does: after each
 * replication, and every `partialEveryMs` from the helper running replication 0, whose
 * queue-length path the charts draw.
 */
import type { Scenario } from "../scenario/types.ts";
import type { ReplicationPlan } from "../simulation/model.ts";
import { detailPathInterval, finishRun, type RunOptions } from "../simulation/run.ts";
import { plainPlan, prepareRun, simulateReplication, type PreparedRun } from "../simulation/replication.ts";
import type { ReplicationModel } from "../simulation/replicationModel.ts";
import { summarizeReplication, summaryFromState, summaryToState, type ReplicationState, type ReplicationSummary } from "../simulation/replicationSummary.ts";
import type { RunResult, WarmupInfo } from "../simulation/result.ts";
import type { FirstReplication } from "../simulation/runDetail.ts";

/** What the charts read of replication 0, as plain data (a FirstReplication). */
export interface FirstPath {
  path: { times: number[]; lengths: number[][] } | null;
  warmupEnd: number;
}

/** Coordinator to helper: the settled run once, then one replication at a time. */
export type HelperRequest =
  | { type: "plan"; scenario: Scenario; plan: ReplicationPlan; warmup: WarmupInfo; detail: boolean; partialEveryMs: number | null; timeBudgetMs?: number }
  | { type: "replication"; index: number };

/** Helper to coordinator. */
export type HelperResponse =
  | { type: "progress"; index: number; fraction: number }
  /** Replication 0 so far (when the coordinator asked for results so far). */
  | { type: "partial"; index: number; state: ReplicationState; first: FirstPath }
  | { type: "replication"; index: number; state: ReplicationState; first: FirstPath | null; ms: number }
  | { type: "error"; message: string };

/** A helper as the coordinator sees it: a Web Worker in the page, an in-process stand-in in tests. */
export interface Helper {
  send(request: HelperRequest): void;
  /** Receives the helper's answers, and its failure (a module that did not load, an uncaught error). */
  listen(onResponse: (response: HelperResponse) => void, onFailure: (message: string) => void): void;
  terminate(): void;
}

/** A helper that failed as a worker (it did not load, or crashed), as opposed to a scenario's error: the run can be done on one thread instead. */
export class HelperFailure extends Error {
  override name = "HelperFailure";
}

/** Least wall time between two progress messages from a helper (ms). */
const progressEveryMs = 50;

/**
 * Helpers kept between runs: a run takes what it needs (starting more when there are too few) and
 * gives them back when it ends well, so the next long run finds them started and their code
 * compiled (a fresh helper's first two replications run ~1.5x slower, see `npm run bench`).
 * Helpers of a run that failed are terminated, not kept.
 */
export class HelperPool {
  private idle: Helper[] = [];

  constructor(private readonly spawn: () => Helper) {}

  /** Helpers waiting for a run. */
  get size(): number {
    return this.idle.length;
  }

  take(count: number): Helper[] {
    const out = this.idle.splice(0, count);
    while (out.length < count) out.push(this.spawn());
    return out;
  }

  giveBack(helpers: readonly Helper[]): void {
    this.idle.push(...helpers);
  }

  /** Terminates the waiting helpers. */
  clear(): void {
    for (const h of this.idle) h.terminate();
    this.idle = [];
  }
}

/**
 * Runs the scenario's replications on `helpers` helpers from `pool`, and returns the result
 * `runScenario` gives (with `runtime.threads`). The caller checks that parallel runs apply (see
 * `parallelWorthIt`): several replications, no precision target, no trace. The helpers go back
 * to the pool when the run ends well, and are terminated when it fails or a helper fails.
 */
export async function runScenarioParallel(scenario: Scenario, options: RunOptions & { helpers: number; pool: HelperPool }): Promise<RunResult> {
  const clock = options.clock;
  const start = clock?.() ?? 0;
  const total = scenario.run.replications;
  if (scenario.run.precision !== undefined || options.trace) throw new Error("runScenarioParallel: a precision target or a trace runs on one thread (runScenario)");
  // Taken first, so that new ones load while this thread settles the warm-up.
  const helpers = options.pool.take(Math.max(1, Math.min(options.helpers, total)));
  let ok = false;
  try {
    const prep = prepareRun(scenario, options);
    const result = await coordinate(prep, helpers, options, start);
    ok = true;
    return result;
  } finally {
    if (ok) options.pool.giveBack(helpers);
    else for (const h of helpers) h.terminate();
  }
}

function coordinate(prep: PreparedRun, helpers: Helper[], options: RunOptions, start: number): Promise<RunResult> {
  const clock = options.clock;
  const total = prep.scenario.run.replications;
  const partialEveryMs = options.partialEveryMs ?? 500;
  const done: (ReplicationSummary | undefined)[] = new Array<ReplicationSummary | undefined>(total);
  const running = new Map<number, number>();
  let finished = 0;
  let nextIndex = 0;
  let first: FirstReplication | null = null;
  let lastPartial = start;
  const elapsed = () => (clock?.() ?? 0) - start;
  const inOrder = () => done.filter((s): s is ReplicationSummary => s !== undefined);
  const sendPartial = (current: ReplicationSummary | null) => {
    lastPartial = clock?.() ?? 0;
    const sofar = current ? [current, ...inOrder()] : inOrder();
    options.onPartial!(finishRun(prep, sofar, { batches: null, first, wallMs: elapsed(), detail: options.detail, threads: helpers.length }));
  };
  const reportProgress = () => {
    if (!options.onProgress) return;
    let f = finished;
    for (const x of running.values()) f += x;
    options.onProgress(f / total);
  };
  const request: HelperRequest = {
    type: "plan",
    scenario: prep.scenario,
    plan: plainPlan(prep.plan),
    warmup: prep.warmup,
    detail: options.detail === true,
    partialEveryMs: options.onPartial && clock ? partialEveryMs : null,
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
  };
  return new Promise<RunResult>((resolve, reject) => {
    let over = false;
    const fail = (message: string) => {
      if (over) return;
      over = true;
      reject(new Error(message));
    };
    const give = (h: Helper) => {
      if (nextIndex >= total) return;
      const index = nextIndex++;
      running.set(index, 0);
      h.send({ type: "replication", index });
    };
    for (const h of helpers) {
      h.listen((m) => {
        if (over) return;
        if (m.type === "error") fail(m.message);
        else if (m.type === "progress") {
          running.set(m.index, m.fraction);
          reportProgress();
        } else if (m.type === "partial") {
          first = m.first;
          if (options.onPartial && done[m.index] === undefined) sendPartial(summaryFromState(m.state));
        } else {
          done[m.index] = summaryFromState(m.state);
          if (m.first) first = m.first;
          running.delete(m.index);
          finished++;
          reportProgress();
          if (finished === total) {
            over = true;
            resolve(finishRun(prep, done as ReplicationSummary[], { batches: null, first, wallMs: elapsed(), detail: options.detail, threads: helpers.length }));
            return;
          }
          // As runScenario does between replications, and only once the charts' path is known.
          if (options.onPartial && first && (!clock || clock() - lastPartial >= partialEveryMs / 5)) sendPartial(null);
          give(h);
        }
      }, (message) => {
        if (over) return;
        over = true;
        reject(new HelperFailure(`a replication worker failed: ${message}`));
      });
      h.send(request);
      give(h);
    }
  });
}

function firstPath(model: ReplicationModel): FirstPath {
  const p = model.path;
  return { path: p ? { times: [...p.times], lengths: p.lengths.map((l) => [...l]) } : null, warmupEnd: model.warmupEnd };
}

/**
 * A helper's side: returns the handler of the coordinator's requests, which runs each
 * replication it is given and answers through `send`. `clock` is the wall clock (ms) for the
 * time budget, progress and results so far.
 */
export function serveReplications(send: (response: HelperResponse) => void, clock: () => number): (request: HelperRequest) => void {
  let prep: PreparedRun | null = null;
  let job: Extract<HelperRequest, { type: "plan" }> | null = null;
  return (request) => {
    try {
      if (request.type === "plan") {
        job = request;
        prep = prepareRun(request.scenario, { clock, ...(request.timeBudgetMs !== undefined ? { timeBudgetMs: request.timeBudgetMs } : {}) }, { plan: request.plan, warmup: request.warmup });
        return;
      }
      if (!prep || !job) throw new Error("replication worker: a replication was asked for before the plan");
      const r = request.index;
      const t0 = clock();
      let lastProgress = t0;
      let lastPartial = t0;
      const everyMs = job.partialEveryMs;
      const onProgress = (fraction: number) => {
        if (clock() - lastProgress < progressEveryMs) return;
        lastProgress = clock();
        send({ type: "progress", index: r, fraction });
      };
      const checkpoint = r === 0 && everyMs !== null
        ? (model: ReplicationModel) => {
            if (model.warm && model.measuredDuration > 0 && clock() - lastPartial >= everyMs) {
              lastPartial = clock();
              send({ type: "partial", index: r, state: summaryToState(summarizeReplication(model)), first: firstPath(model) });
            }
          }
        : undefined;
      const out = simulateReplication(prep, r, { pathInterval: r === 0 && job.detail ? detailPathInterval(prep) : 0, onProgress }, checkpoint);
      send({ type: "replication", index: r, state: summaryToState(out.summary), first: r === 0 ? firstPath(out.model) : null, ms: clock() - t0 });
    } catch (error) {
      send({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };
}
