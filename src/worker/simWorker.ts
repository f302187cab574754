/// <reference lib="webworker" />
/**
 * The Web Worker that runs the engine off the page's thread. One request at a time: the page
 * terminates a worker whose request it no longer needs and starts a fresh one. A long run sends
 * progress, and results so far for the page to refine its charts, before its final result. A
 * long run with several replications (`parallelWorthIt`) runs them on one replication worker
 * per processor started from here (src/worker/parallelRun.ts) and kept for the next long run,
 * which end with this worker; the result is the one-worker run's.
 */
import { runScenario, withAnalytic, type RunResult } from "../simulation/index.ts";
import { parallelWorthIt } from "../simulation/replication.ts";
import { analyticCurve, queueRho, sweepPoint } from "./loadSweep.ts";
import { HelperFailure, HelperPool, runScenarioParallel, type Helper, type HelperResponse } from "./parallelRun.ts";
import type { WorkerRequest, WorkerResponse } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

/** Longest wall time one replication may take before the run stops with "time budget". */
const timeBudgetMs = 120_000;
/** Least time between two progress messages. */
const progressEveryMs = 50;

const post = (response: WorkerResponse) => self.postMessage(response);

/** A replication worker (src/worker/replicationWorker.ts), started from this one; terminated with it. */
function spawnHelper(): Helper {
  const worker = new Worker(new URL("./replicationWorker.ts", import.meta.url), { type: "module" });
  return {
    send: (request) => worker.postMessage(request),
    listen: (onResponse, onFailure) => {
      worker.onmessage = (event: MessageEvent<HelperResponse>) => onResponse(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(event.message || "it did not start");
      };
    },
    terminate: () => worker.terminate(),
  };
}

/** Replication workers kept between long runs, warm; they end with this worker. */
const pool = new HelperPool(spawnHelper);

/** Workers a run may use: one per processor, at most what the page asked for. */
function workersFor(request: Extract<WorkerRequest, { type: "run" }>): number {
  const processors = typeof navigator !== "undefined" && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
  const asked = request.workers ?? Infinity;
  return typeof Worker === "undefined" ? 1 : Math.max(1, Math.min(processors, asked));
}

async function run(id: number, request: Extract<WorkerRequest, { type: "run" }>) {
  let last = 0;
  const clock = () => performance.now();
  const onProgress = (fraction: number) => {
    const now = clock();
    if (now - last < progressEveryMs) return;
    last = now;
    post({ type: "progress", id, fraction });
  };
  const start = clock();
  const onPartial = (partial: RunResult) => post({ type: "partial", id, result: withAnalytic(request.scenario, partial), wallMs: clock() - start });
  const options = { clock, timeBudgetMs, onProgress, onPartial, detail: true };
  const workers = workersFor(request);
  let raw: RunResult | null = null;
  if (workers >= 2 && parallelWorthIt(request.scenario)) {
    try {
      raw = await runScenarioParallel(request.scenario, { ...options, helpers: workers, pool });
    } catch (error) {
      // Replication workers that cannot run (not allowed, out of memory) leave the run to this worker alone.
      if (!(error instanceof HelperFailure)) throw error;
    }
  }
  raw ??= runScenario(request.scenario, options);
  const result = withAnalytic(request.scenario, raw);
  post({ type: "result", id, result, wallMs: clock() - start });
}

function curve(id: number, request: Extract<WorkerRequest, { type: "curve" }>) {
  const { scenario, queueId } = request;
  const rho = queueRho(scenario, queueId);
  post({ type: "curve", id, curve: analyticCurve(scenario, queueId, rho), currentRho: rho });
  post({ type: "done", id });
}

function point(id: number, request: Extract<WorkerRequest, { type: "sweepPoint" }>) {
  const { scenario, queueId, target } = request;
  post({ type: "sweepPoint", id, point: sweepPoint(scenario, queueId, queueRho(scenario, queueId), target) });
  post({ type: "done", id });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === "run") run(request.id, request).catch((error: unknown) => post({ type: "error", id: request.id, message: error instanceof Error ? error.message : String(error) }));
    else if (request.type === "curve") curve(request.id, request);
    else point(request.id, request);
  } catch (error) {
    post({ type: "error", id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
