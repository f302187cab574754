/**
 * The workloads on the engine itself, through its public entry point `runScenario`, timed by the
 * engine's own `runtime.wallMs` (from compiling the scenario to aggregating the result: the
 * harness's building of the scenario object is outside it) and counted by `runtime.events`.
 */
import type { QueueSpec, Scenario } from "../src/scenario/types.ts";
import { runScenario } from "../src/simulation/run.ts";
import { nowMs, type RunFigure } from "./measure.ts";
import { QUEUE_IDS, type Workload } from "./workloads.ts";

/**
 * The scenario of a workload: `stations` queues `a`, `b`, ... in tandem (routes with
 * probability 1), outside Poisson arrivals into `a`, exponential service, FIFO, prefetch 1,
 * unbounded, one replication of `messages` messages without warm-up.
 */
export function workloadScenario(w: Workload, messages: number, seed = 1): Scenario {
  const queues: QueueSpec[] = [];
  for (let s = 0; s < w.stations; s++) {
    const id = QUEUE_IDS[s]!;
    const next = QUEUE_IDS[s + 1];
    queues.push({
      id,
      ...(s === 0 ? { arrival: { process: "poisson", rate: w.lambda } } : {}),
      service: { dist: "exponential", mean: 1 / w.mu },
      consumers: w.servers,
      prefetch: 1,
      capacity: null,
      overflow: "reject-publish",
      discipline: "fifo",
      ...(w.ttlMean !== undefined ? { ttl: { dist: "exponential", mean: w.ttlMean } } : {}),
      ...(s + 1 < w.stations && next !== undefined ? { routes: [{ to: next, probability: 1 }] } : {}),
    });
  }
  return {
    version: 1,
    name: `bench ${w.id}: ${w.label}`,
    seed,
    run: { messages, warmup: 0, replications: 1 },
    queues,
  };
}

/**
 * Runs a workload on the engine (the model runScenario picks, or with `model` "general" the
 * general NetworkModel, which runs every feature) and returns its own event count and wall time. Throws when the
 * run stopped early (backlog limit, event budget): a figure from a truncated run would mislead.
 */
export function runEngine(w: Workload, messages: number, seed = 1, model: "auto" | "general" = "auto"): RunFigure {
  const result = runScenario(workloadScenario(w, messages, seed), { clock: nowMs, model });
  if (result.stopped) throw new Error(`engine ${w.id}: run stopped early (${result.stopped.reason})`);
  const first = result.queues[QUEUE_IDS[0]!]?.simulated;
  return {
    events: result.runtime.events,
    seconds: result.runtime.wallMs / 1000,
    meanWq: first?.Wq.mean ?? NaN,
  };
}
