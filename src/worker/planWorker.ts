/// <reference lib="webworker" />
/**
 * The Web Worker that plans capacity and runs parameter sweeps off the page's thread. One
 * request at a time: the page terminates a worker whose answer it no longer needs.
 */
import { SloSyntaxError, planScenario, runSweep, sweepScenarios, type SweepPoint, type SweepResult } from "../planner/index.ts";
import type { ParamSweepRequest, PlanWorkerRequest, PlanWorkerResponse } from "./planProtocol.ts";

declare const self: DedicatedWorkerGlobalScope;

const post = (response: PlanWorkerResponse) => self.postMessage(response);

/** One point at a time, so the page can draw the chart as it fills in; a 2-D sweep goes row by row, `path` outermost. */
function sweep(request: ParamSweepRequest): SweepResult {
  const { scenario, path, values, messages, replications, path2, values2 } = request;
  const options = { messages, replications };
  const params = path2 !== undefined && values2 ? [{ path, values }, { path: path2, values: values2 }] : [{ path, values }];
  // Validates every value before the first simulation: a bad one is reported at once.
  const grid = sweepScenarios(scenario, params, options).map((p) => p.values);
  const points: SweepPoint[] = [];
  let result: SweepResult | null = null;
  grid.forEach((combination, i) => {
    const one = runSweep(scenario, params.map((p, k) => ({ path: p.path, values: [combination[k]!] })), options);
    points.push(one.points[0]!);
    result ??= one;
    post({ type: "sweepPoint", id: request.id, point: one.points[0]!, done: i + 1, total: grid.length });
  });
  return { ...result!, params, points };
}

self.onmessage = (event: MessageEvent<PlanWorkerRequest>) => {
  const request = event.data;
  const start = performance.now();
  try {
    if (request.type === "plan") {
      const { scenario, slo, growth, costPerHour, size } = request;
      const plan = planScenario(scenario, slo, { ...(growth ? { growth } : {}), ...(costPerHour !== undefined ? { costPerHour } : {}), ...(size ? { size } : {}) });
      post({ type: "plan", id: request.id, plan, wallMs: performance.now() - start });
    } else {
      post({ type: "sweep", id: request.id, sweep: sweep(request), wallMs: performance.now() - start });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const syntax = error instanceof SloSyntaxError ? { position: error.position, reason: error.reason } : {};
    post({ type: "error", id: request.id, message, ...syntax });
  }
};
