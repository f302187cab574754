import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import type { RunResult } from "../../src/simulation/result.ts";
import { runScenario } from "../../src/simulation/run.ts";
import { HelperFailure, HelperPool, runScenarioParallel, serveReplications, type Helper, type HelperRequest, type HelperResponse } from "../../src/worker/parallelRun.ts";
import { singleQueue } from "../support/scenarios.ts";

/*
 * The page's parallel replications, with each Web Worker replaced by an in-process helper that
 * runs the same code (`serveReplications`) and answers through a message queue of its own
 * (setTimeout), so that helpers interleave as workers do. The result must be the sequential
 * run's, whatever the number of helpers and the order in which replications finish.
 */

interface FakeHelpers {
  spawn: () => Helper;
  pool: HelperPool;
  spawned: number;
  terminated: number;
}

/** Helpers that each answer after `delay(index)` ms, or fail on replication `failOn`. */
function fakeHelpers(options: { delay?: (index: number) => number; failOn?: number } = {}): FakeHelpers {
  const spawn = () => helper();
  const out: FakeHelpers = { spawned: 0, terminated: 0, spawn, pool: new HelperPool(spawn) };
  const helper = (): Helper => {
    out.spawned++;
    let onResponse: ((r: HelperResponse) => void) | null = null;
    let onFailure: ((m: string) => void) | null = null;
    let dead = false;
    let clock = 0;
    const handle = serveReplications((r) => {
      const delay = r.type === "replication" ? (options.delay?.(r.index) ?? 0) : 0;
      setTimeout(() => !dead && onResponse?.(r), delay);
    }, () => (clock += 100)); // 100 ms a reading: progress and results so far at each of the engine's checkpoints
    return {
      send: (request: HelperRequest) => setTimeout(() => {
        if (dead) return;
        if (request.type === "replication" && request.index === options.failOn) onFailure?.("out of memory");
        else handle(request);
      }, 0),
      listen: (r, f) => {
        onResponse = r;
        onFailure = f;
      },
      terminate: () => {
        dead = true;
        out.terminated++;
      },
    };
  };
  return out;
}

/** The result without its wall-clock figures and thread count, which are all that may differ. */
function comparable(r: RunResult): unknown {
  const { runtime, ...rest } = r;
  return JSON.parse(JSON.stringify({ ...rest, events: runtime.events }));
}

describe("replications on the page's workers (runScenarioParallel)", () => {
  it("give the sequential run's result, with its charts, for 1 to 3 helpers and any finishing order, and again on the kept helpers", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "lognormal", mean: 0.1, cv: 1.5 }, consumers: 2 }, { messages: 5_000, replications: 5, warmup: "auto" }, 11);
    const sequential = comparable(runScenario(s, { detail: true }));
    for (const helpers of [1, 2, 3]) {
      // Later replications finish first: the result must still be assembled in replication order.
      const fake = fakeHelpers({ delay: (index) => (5 - index) * 3 });
      const parallel = await runScenarioParallel(s, { detail: true, helpers, pool: fake.pool });
      expect(comparable(parallel), `${helpers} helpers`).toEqual(sequential);
      expect(parallel.runtime.threads).toBe(helpers > 1 ? helpers : undefined);
      // Kept for the next run, which starts none and gives the same result.
      expect([fake.spawned, fake.terminated, fake.pool.size]).toEqual([helpers, 0, helpers]);
      const again = await runScenarioParallel(s, { detail: true, helpers, pool: fake.pool });
      expect(comparable(again)).toEqual(sequential);
      expect(fake.spawned).toBe(helpers);
      fake.pool.clear();
      expect(fake.terminated).toBe(helpers);
    }
  });

  it("give the sequential result on the example networks in models/", async () => {
    const dir = new URL("../../models/", import.meta.url);
    let ran = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const parsed = parseScenario(JSON.parse(readFileSync(new URL(file, dir), "utf8")));
      if (!parsed.ok) throw new Error(file);
      const base = parsed.scenario;
      if (base.run.precision !== undefined || base.queues.some((q) => q.arrival?.process === "trace")) continue;
      const s: Scenario = { ...base, run: { ...base.run, messages: 3_000, duration: undefined, replications: 3 } };
      const parallel = await runScenarioParallel(s, { detail: true, helpers: 2, pool: fakeHelpers({ delay: (i) => (i === 0 ? 10 : 0) }).pool });
      expect(comparable(parallel), file).toEqual(comparable(runScenario(s, { detail: true })));
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(10);
  });

  it("report progress that rises to 1 and results so far that carry the charts' path", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 }, consumers: 1 }, { messages: 200_000, replications: 3 }, 3);
    const progress: number[] = [];
    const partials: RunResult[] = [];
    let t = 0;
    const result = await runScenarioParallel(s, { detail: true, helpers: 2, pool: fakeHelpers().pool, clock: () => (t += 1), partialEveryMs: 20, onProgress: (f) => progress.push(f), onPartial: (p) => partials.push(p) });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(partials.length).toBeGreaterThan(0);
    for (const p of partials) {
      expect(p.replications).toBeLessThanOrEqual(3);
      expect(p.detail!.path.times.length).toBeGreaterThan(0);
    }
    expect(result.replications).toBe(3);
  });

  it("stops every helper and reports the failure when one fails", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 }, consumers: 1 }, { messages: 2_000, replications: 6 }, 3);
    const fake = fakeHelpers({ failOn: 3 });
    const run = runScenarioParallel(s, { helpers: 2, pool: fake.pool });
    await expect(run).rejects.toThrow("a replication worker failed: out of memory");
    // A worker's failure, which the page answers by running on one worker, not a scenario's error.
    await expect(run).rejects.toBeInstanceOf(HelperFailure);
    expect([fake.terminated, fake.pool.size]).toEqual([2, 0]);
  });

  it("stops its helpers and reports the error when the scenario cannot be prepared", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 }, consumers: 1, routes: [{ to: "nowhere", probability: 1 }] }, { messages: 2_000, replications: 4 }, 5);
    const fake = fakeHelpers();
    await expect(runScenarioParallel(s, { helpers: 2, pool: fake.pool })).rejects.toThrow('queues[0].routes[0].to: no queue with id "nowhere"');
    expect([fake.spawned, fake.terminated, fake.pool.size]).toEqual([2, 2, 0]);
  });
});
