import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { runScenario } from "../src/simulation/run.ts";
import { runScenarioThreads } from "../src/worker/threads.ts";
import type { Scenario } from "../src/scenario/types.ts";
import { benchUi } from "./ui.ts";

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

/** Replications in parallel: worker threads against the sequential run, same numbers. */
export async function threadsSection(quick: boolean): Promise<void> {
  const scenario: Scenario = {
    version: 1, name: "threads", seed: 1,
    run: { messages: quick ? 200_000 : 1_000_000, warmup: 0, replications: 8 },
    queues: [{ id: "q", arrival: { process: "poisson", rate: 0.9 }, service: { dist: "exponential", mean: 1 }, consumers: 1, prefetch: 1, capacity: null, overflow: "reject-publish", discipline: "fifo" }],
  };
  const clock = () => performance.now();
  const t0 = clock();
  const sequential = runScenario(scenario, { clock });
  const t1 = clock();
  const threads = availableParallelism();
  const parallel = await runScenarioThreads(scenario, { clock, threads });
  const t2 = clock();
  const same = JSON.stringify({ ...sequential, runtime: null }) === JSON.stringify({ ...parallel, runtime: null });
  console.log(`\nReplications in parallel (8 x ${scenario.run.messages} messages of M/M/1 rho 0.9, ${threads} worker threads)`);
  console.log(`  sequential ${fmt(t1 - t0, 0)} ms, threads ${fmt(t2 - t1, 0)} ms: speed-up ${fmt((t1 - t0) / (t2 - t1), 2)}x (target near ${threads}x); identical results: ${same ? "yes" : "NO"}`);
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
