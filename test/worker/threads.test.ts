import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/simulation/run.ts";
import { runScenarioThreads } from "../../src/worker/threads.ts";
import { singleQueue } from "../support/scenarios.ts";

describe("replications on worker threads", () => {
  it("give exactly the numbers of the sequential run", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "lognormal", mean: 0.1, cv: 1.5 }, consumers: 1 }, { messages: 20_000, replications: 5 }, 11);
    const strip = <T extends { runtime: unknown }>(r: T) => ({ ...r, runtime: null });
    const threaded = await runScenarioThreads(s, { threads: 2 });
    expect(strip(threaded)).toEqual(strip(runScenario(s)));
  });

  it("with an MSER-5 warm-up settled here while the workers start: the same numbers again", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 }, consumers: 1 }, { messages: 20_000, replications: 4, warmup: "auto" }, 5);
    const strip = <T extends { runtime: unknown }>(r: T) => ({ ...r, runtime: null });
    const threaded = await runScenarioThreads(s, { threads: 2 });
    expect(threaded.warmup.method).toBe("MSER-5");
    expect(strip(threaded)).toEqual(strip(runScenario(s)));
  });

  it("stops its workers and reports the error when the scenario cannot be prepared", async () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 }, consumers: 1, routes: [{ to: "nowhere", probability: 1 }] }, { messages: 20_000, replications: 4 }, 5);
    await expect(runScenarioThreads(s, { threads: 2 })).rejects.toThrow('queues[0].routes[0].to: no queue with id "nowhere"');
  });
});
