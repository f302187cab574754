import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { summaryFromState, type ReplicationState, type ReplicationSummary } from "../simulation/replicationSummary.ts";
import type { RunResult } from "../simulation/result.ts";
import { finishRun, prepareRun, runScenario, simulateReplication, usesBatchMeans, type PreparedRun, type RunOptions } from "../simulation/run.ts";
import { parallelWorthIt, plainPlan } from "../simulation/replication.ts";
import type { Scenario } from "../scenario/types.ts";

const tsEntry = new URL("./replicationThread.ts", import.meta.url);
const root = fileURLToPath(new URL("../..", import.meta.url));
const bundleFile = join(root, "node_modules/.cache/kendall/replicationThread.mjs");
/** The bundle's source files and their modification times when it was built. */
const inputsFile = join(root, "node_modules/.cache/kendall/replicationThread.inputs.json");
let bundled: Promise<URL> | null = null;

/**
 * The thread's entry as one JavaScript file with everything it imports (esbuild, which tsx
 * brings), so that a thread starts without compiling TypeScript or resolving a module: ~0.1 s
 * instead of ~0.35 s. It imports src/simulation/replication.ts, not the aggregation, so it
 * carries no jStat. Built into node_modules/.cache and kept while none of its sources changes
 * (their modification times are checked, ~1 ms), so a run of the CLI does not pay ~0.1 s of
 * bundling each time. Falls back to compiling in the thread with tsx.
 */
async function threadEntry(): Promise<URL> {
  bundled ??= (async () => {
    try {
      if (bundleUpToDate()) return pathToFileURL(bundleFile);
      const esbuild = await import("esbuild");
      const result = await esbuild.build({ entryPoints: [fileURLToPath(tsEntry)], absWorkingDir: root, bundle: true, platform: "node", format: "esm", outfile: bundleFile, metafile: true, logLevel: "silent" });
      const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [f, statSync(join(root, f)).mtimeMs]));
      writeFileSync(inputsFile, JSON.stringify(inputs));
      return pathToFileURL(bundleFile);
    } catch {
      return new URL("./threadBootstrap.mjs", import.meta.url);
    }
  })();
  return bundled;
}

function bundleUpToDate(): boolean {
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, "utf8")) as Record<string, number>;
    if (!existsSync(bundleFile)) return false;
    return Object.entries(inputs).every(([f, mtime]) => statSync(join(root, f)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

/** One thread per core for long runs (see `parallelWorthIt`), one thread for short ones. */
export function defaultThreads(scenario: Scenario): number {
  return parallelWorthIt(scenario) ? availableParallelism() : 1;
}

/** Which thread ran replication `index` (0: this one) and its wall time (ms), for the benchmark. */
export interface ReplicationTiming {
  index: number;
  thread: number;
  ms: number;
}

/**
 * Runs a scenario's replications on `threads` threads, one per core (Node: the CLI): this thread
 * and `threads - 1` worker threads. The pilot warm-up runs on this thread while the workers start; replication r keeps its stream names, so the result is
 * identical to `runScenario`'s. Falls back to one thread for a single replication, a precision
 * target (sequential by nature) or one core.
 */
export async function runScenarioThreads(scenario: Scenario, options: RunOptions & { threads?: number; onReplication?: (timing: ReplicationTiming) => void } = {}): Promise<RunResult> {
  const threads = Math.min(options.threads ?? defaultThreads(scenario), scenario.run.replications);
  if (threads < 2 || usesBatchMeans(scenario) || scenario.run.precision !== undefined || options.detail) return runScenario(scenario, options);
  const start = options.clock?.() ?? 0;
  const entry = await threadEntry();
  // Replications are claimed one at a time from a shared counter (Atomics), by this thread and
  // `threads - 1` workers: a thread that runs faster (a bundled worker, a quieter core) takes
  // more, and none waits for another's last one. Replication r is the same whoever runs it.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const total = scenario.run.replications;
  const states = new Map<number, ReplicationState>();
  const local = new Map<number, ReplicationSummary>();
  const done = () => options.onProgress?.((states.size + local.size) / total);
  // The workers start first and load while this thread settles the warm-up (the MSER pilot can
  // take as long as a replication); they are sent the plan once it is known.
  const started = Array.from({ length: threads - 1 }, () => new Worker(entry, { workerData: { entry: tsEntry.href, scenario, next, total } }));
  const workers = started.map((worker, w) => new Promise<void>((resolve, reject) => {
    worker.on("message", (m: { index: number; state: ReplicationState; ms: number }) => {
      states.set(m.index, m.state);
      options.onReplication?.({ index: m.index, thread: w + 1, ms: m.ms });
      done();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`replication thread exited with code ${code}`))));
  }));
  let prep: PreparedRun;
  try {
    prep = prepareRun(scenario, options);
  } catch (error) {
    for (const worker of started) void worker.terminate();
    await Promise.allSettled(workers);
    throw error;
  }
  for (const worker of started) worker.postMessage({ plan: plainPlan(prep.plan), warmup: prep.warmup });
  // This thread, otherwise idle while it waits, claims replications too once the workers are started.
  for (let r = Atomics.add(next, 0, 1); r < total; r = Atomics.add(next, 0, 1)) {
    const t0 = options.clock?.() ?? 0;
    local.set(r, simulateReplication(prep, r).summary);
    options.onReplication?.({ index: r, thread: 0, ms: (options.clock?.() ?? 0) - t0 });
    done();
  }
  await Promise.all(workers);
  const reps: ReplicationSummary[] = [];
  for (let r = 0; r < total; r++) reps.push(local.get(r) ?? summaryFromState(states.get(r)!));
  return finishRun(prep, reps, { batches: null, first: null, wallMs: (options.clock?.() ?? 0) - start, threads });
}
