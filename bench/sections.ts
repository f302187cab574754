import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { runScenario } from "../src/simulation/run.ts";
import { runScenarioThreads, type ReplicationTiming } from "../src/worker/threads.ts";
import { threadsScenario } from "./threadsScenario.ts";
import { benchPageWorkers } from "./pageWorkers.ts";
import { benchUi } from "./ui.ts";

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

/**
 * Each processor's pace on one replication, from a child process pinned to it with `taskset`
 * (Linux; null elsewhere or when taskset is missing), best of 3: first each alone, then all at
 * once. The processors of a virtual machine need not be equal, and two virtual processors may
 * share one core: the paces with all busy bound what threads can give.
 */
async function processorPaces(messages: number, cpus: number): Promise<{ alone: number[]; together: number[] } | null> {
  const child = fileURLToPath(new URL("./coreChild.ts", import.meta.url));
  const pinned = (k: number) =>
    new Promise<number | null>((resolve) => {
      const proc = spawn("taskset", ["-c", String(k), process.execPath, "--import", "tsx", child, String(messages), "3"], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "ignore"] });
      let out = "";
      proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
      proc.on("error", () => resolve(null));
      proc.on("close", (code) => resolve(code === 0 ? (JSON.parse(out) as { bestMs: number }).bestMs : null));
    });
  const alone: number[] = [];
  for (let k = 0; k < cpus; k++) {
    const ms = await pinned(k);
    if (ms === null) return null;
    alone.push(ms);
  }
  const together = await Promise.all(Array.from({ length: cpus }, (_, k) => pinned(k)));
  if (together.some((ms) => ms === null)) return null;
  return { alone, together: together as number[] };
}

/** Replications in parallel: worker threads against the sequential run, same numbers, best of `repeats` each, in turn. */
export async function threadsSection(quick: boolean): Promise<void> {
  const scenario = threadsScenario(quick ? 200_000 : 1_000_000);
  const reps = scenario.run.replications;
  const repeats = quick ? 2 : 3;
  const clock = () => performance.now();
  const threads = availableParallelism();
  let seqMs = Infinity;
  let parMs = Infinity;
  let bestTimings: ReplicationTiming[] = [];
  let same = true;
  for (let i = 0; i < repeats; i++) {
    const t0 = clock();
    const sequential = runScenario(scenario, { clock });
    const t1 = clock();
    const timings: ReplicationTiming[] = [];
    const parallel = await runScenarioThreads(scenario, { clock, threads, onReplication: (t) => timings.push(t) });
    const t2 = clock();
    same &&= JSON.stringify({ ...sequential, runtime: null }) === JSON.stringify({ ...parallel, runtime: null });
    seqMs = Math.min(seqMs, t1 - t0);
    if (t2 - t1 < parMs) {
      parMs = t2 - t1;
      bestTimings = timings;
    }
  }
  console.log(`\nReplications in parallel (${reps} x ${scenario.run.messages} messages of M/M/1 rho 0.9, ${threads} threads: this one and ${threads - 1} worker${threads > 2 ? "s" : ""}; best of ${repeats} each, in turn)`);
  console.log(`  sequential ${fmt(seqMs, 0)} ms, threads ${fmt(parMs, 0)} ms: speed-up ${fmt(seqMs / parMs, 2)}x (target near ${threads}x); identical results: ${same ? "yes" : "NO"}`);
  // What bounds the speed-up: each thread's pace while all are busy, and each processor's pace alone.
  const perThread = Array.from({ length: threads }, (_, k) => bestTimings.filter((t) => t.thread === k).map((t) => t.ms));
  console.log(`  ms per replication in the threads' run: ${perThread.map((list, k) => `thread ${k}: ${list.map((x) => fmt(x, 0)).join(", ")}`).join("; ")}; sequential ${fmt(seqMs / reps, 0)} on average`);
  const paces = await processorPaces(scenario.run.messages!, threads);
  if (paces) {
    const fastest = Math.min(...paces.alone);
    const ceiling = paces.together.reduce((a, p) => a + fastest / p, 0);
    const list = (ms: number[]) => ms.map((p, k) => `cpu ${k} ${fmt(p, 0)} ms`).join(", ");
    console.log(`  one replication pinned to each processor (taskset, best of 3): alone ${list(paces.alone)}; all at once ${list(paces.together)}`);
    console.log(`  so against the fastest processor alone, ${threads} threads give at most ${fmt(ceiling, 2)}x here (at the all-at-once paces), before the worker's start (~0.1 s) and the wait for the last replication`);
  }
  // The page: the same scenario at 10^6 messages a replication even in a quick run, so that it is
  // long enough for the page to spread it (parallelWorthIt: 5 * 10^6 messages in all).
  const page = await benchPageWorkers({ messages: 1_000_000, repeats: quick ? 1 : 3 });
  if (!page) {
    console.log("  in the page: skipped, no Chromium at /usr/bin/chromium");
    return;
  }
  console.log(`  in the page (headless Chromium, production build, 8 x 1000000 messages, best of ${quick ? 1 : 3} each, in turn), one Web Worker against ${page.workers} (${page.processors} processors); same figures: ${page.same ? "yes" : "NO"}`);
  console.log(`    first long run in a fresh page: ${fmt(page.oneMs, 0)} ms against ${fmt(page.manyMs, 0)} ms: speed-up ${fmt(page.oneMs / page.manyMs, 2)}x (each replication worker starts, and compiles the engine as it goes)`);
  console.log(`    next long run in that page (another seed): ${fmt(page.nextOneMs, 0)} ms against ${fmt(page.nextManyMs, 0)} ms: speed-up ${fmt(page.nextOneMs / page.nextManyMs, 2)}x (the workers are kept, warm)`);
}

/** Slider move to redrawn charts in headless Chromium (10^5 messages). */
export async function uiSection(quick: boolean): Promise<void> {
  const figures = await benchUi({ iterations: quick ? 10 : 30 });
  console.log("\nPage: slider key press to redrawn charts, 10^5-message run, headless Chromium");
  if (!figures) {
    console.log("  skipped: no Chromium at /usr/bin/chromium");
    return;
  }
  console.log(`  p50 ${fmt(figures.p50Ms, 0)} ms, p95 ${fmt(figures.p95Ms, 0)} ms (target <= 100 ms: ${figures.p95Ms <= 100 ? "met" : "not met"}), max ${fmt(figures.maxMs, 0)} ms; first figures ${fmt(figures.firstFiguresMs, 0)} ms after opening`);
}
