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
});
