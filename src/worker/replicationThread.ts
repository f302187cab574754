/**
 * worker_threads entry: runs the given replications of a prepared scenario and posts their
 * summaries back as plain data. Started by `runScenarioThreads` (src/worker/threads.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ReplicationPlan } from "../simulation/model.ts";
import { summaryToState } from "../simulation/replicationSummary.ts";
import { prepareRun, simulateReplication } from "../simulation/run.ts";
import type { WarmupInfo } from "../simulation/result.ts";
import type { Scenario } from "../scenario/types.ts";

interface Job {
  scenario: Scenario;
  plan: ReplicationPlan;
  warmup: WarmupInfo;
  indices: number[];
}

const job = workerData as Job;
const prep = prepareRun(job.scenario, {}, { plan: job.plan, warmup: job.warmup });
for (const r of job.indices) {
  const { summary } = simulateReplication(prep, r);
  parentPort!.postMessage({ index: r, state: summaryToState(summary) });
}
