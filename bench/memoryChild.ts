/**
 * The child process of bench/memory.ts: runs one long W1 scenario through `runScenario` (the
 * path of `kendall run` for one replication) and samples its own resident set size and heap
 * every 1% of the run, from the engine's progress callback (the run is synchronous, so a timer
 * would never fire). Started by `fork` with the message count as its argument; sends one
 * {@link MemoryReport} to the parent over IPC and exits.
 *
 * The engine's modules are imported only after the first sample, so the report separates what
 * node and tsx hold from what the engine's code adds and what the run itself adds.
 */
import { performance } from "node:perf_hooks";

/** One sample of the child's memory. */
export interface MemorySample {
  /** Messages departed when the sample was taken (0 before the run). */
  messages: number;
  /** Wall time since the run started (s); 0 before it. */
  seconds: number;
  /** Resident set size (bytes), `process.memoryUsage().rss`. */
  rssBytes: number;
  /** V8 heap in use (bytes). */
  heapUsedBytes: number;
}

/** What the child sends back. */
export interface MemoryReport {
  messages: number;
  /** Before the engine's modules are loaded: node and tsx alone. */
  idle: MemorySample;
  /** The engine's modules loaded and the scenario built, nothing run yet. */
  loaded: MemorySample;
  /** Every 1% of the run, then one after `runScenario` returned. */
  samples: MemorySample[];
  /** Highest resident set size the process ever reached (bytes), `process.resourceUsage().maxRSS`. */
  peakRssBytes: number;
  /** The engine's own count and wall time (`runtime`). */
  events: number;
  wallSeconds: number;
  /** Why the run stopped early, or null when it ran to the end. */
  stopped: string | null;
}

function sample(messages: number, seconds: number): MemorySample {
  const m = process.memoryUsage();
  return { messages, seconds, rssBytes: m.rss, heapUsedBytes: m.heapUsed };
}

async function main(): Promise<void> {
  const messages = Number(process.argv[2]);
  if (!(Number.isInteger(messages) && messages > 0)) throw new RangeError(`memoryChild: invalid message count: ${process.argv[2]} (must be a positive integer)`);
  const idle = sample(0, 0);
  const [{ runScenario }, { workloadScenario }, { W1 }] = await Promise.all([import("../src/simulation/run.ts"), import("./engine.ts"), import("./workloads.ts")]);
  const scenario = workloadScenario(W1, messages);
  const loaded = sample(0, 0);

  const samples: MemorySample[] = [];
  const start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  let nextPercent = 1;
  const onProgress = (fraction: number) => {
    if (fraction * 100 < nextPercent) return;
    samples.push(sample(Math.round(fraction * messages), elapsed()));
    nextPercent = Math.floor(fraction * 100) + 1;
  };
  const result = runScenario(scenario, { clock: () => performance.now(), onProgress });
  samples.push(sample(messages, elapsed()));

  const report: MemoryReport = {
    messages,
    idle,
    loaded,
    samples,
    // maxRSS is in kilobytes (getrusage).
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    events: result.runtime.events,
    wallSeconds: result.runtime.wallMs / 1000,
    stopped: result.stopped?.reason ?? null,
  };
  if (!process.send) throw new Error("memoryChild: start it with fork() from bench/memory.ts (it reports over IPC)");
  // The open IPC channel would keep the process alive: close it once the report is sent.
  process.send(report, () => process.disconnect());
}

await main();
