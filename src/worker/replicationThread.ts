/**
 * worker_threads entry: waits for the plan (the warm-up settled by the starting thread), then
 * claims replications one at a time from a shared counter and posts their summaries back as
 * plain data. Started by `runScenarioThreads` (src/worker/threads.ts).
 */
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import type { ReplicationPlan } from "../simulation/model.ts";
import { summaryToState } from "../simulation/replicationSummary.ts";
import { prepareRun, simulateReplication } from "../simulation/replication.ts";
import type { WarmupInfo } from "../simulation/result.ts";
import type { Scenario } from "../scenario/types.ts";

interface Job {
  scenario: Scenario;
  /** The shared counter of the next replication to claim (Atomics.add), and how many there are. */
  next: Int32Array;
  total: number;
}

/** Sent once the starting thread has settled the warm-up. */
interface Settled {
  plan: ReplicationPlan;
  warmup: WarmupInfo;
}

const job = workerData as Job;
parentPort!.once("message", ({ plan, warmup }: Settled) => {
  const prep = prepareRun(job.scenario, {}, { plan, warmup });
  for (let r = Atomics.add(job.next, 0, 1); r < job.total; r = Atomics.add(job.next, 0, 1)) {
    const t0 = performance.now();
    const { summary } = simulateReplication(prep, r);
    parentPort!.postMessage({ index: r, state: summaryToState(summary), ms: performance.now() - t0 });
  }
});
