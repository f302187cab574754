/// <reference lib="webworker" />
/**
 * The Web Worker that runs the engine off the page's thread. One request at a time: the page
 * terminates a worker whose request it no longer needs and starts a fresh one. A long run sends
 * progress, and results so far for the page to refine its charts, before its final result.
 */
import { runScenario, withAnalytic, type RunResult } from "../simulation/index.ts";
import { analyticCurve, queueRho, sweepPoint } from "./loadSweep.ts";
import type { WorkerRequest, WorkerResponse } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

/** Longest wall time one replication may take before the run stops with "time budget". */
const timeBudgetMs = 120_000;
/** Least time between two progress messages. */
const progressEveryMs = 50;

const post = (response: WorkerResponse) => self.postMessage(response);

function run(id: number, request: Extract<WorkerRequest, { type: "run" }>) {
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
  const result = withAnalytic(request.scenario, runScenario(request.scenario, { clock, timeBudgetMs, onProgress, onPartial, detail: true }));
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
    if (request.type === "run") run(request.id, request);
    else if (request.type === "curve") curve(request.id, request);
    else point(request.id, request);
  } catch (error) {
    post({ type: "error", id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
