import { describe, expect, it } from "vitest";
import { parseScenario, type ArrivalSpec, type Scenario } from "../../src/scenario/index.ts";
import { compileScenario, offeredLoad } from "../../src/simulation/index.ts";
import { scaleArrival, scaleLoad } from "../../src/planner/index.ts";
import pipeline from "../../models/pipeline.json" with { type: "json" };

const base = { id: "q", service: { dist: "exponential", mean: 0.01 } };

function loadOf(arrival: ArrivalSpec): number {
  const parsed = parseScenario({ version: 1, queues: [{ ...base, arrival }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return offeredLoad(parsed.scenario, compileScenario(parsed.scenario))[0]!.lambda;
}

describe("scaleArrival", () => {
  it.each<ArrivalSpec>([
    { process: "poisson", rate: 10 },
    { process: "renewal", interarrival: { dist: "gamma", mean: 0.1, cv: 0.5 } },
    { process: "batch", rate: 2, size: { dist: "geometric", mean: 3 } },
    { process: "mmpp", states: [{ rate: 5 }, { rate: 20 }], switch: [[0, 1], [2, 0]] },
    { process: "profile", steps: [{ from: 0, rate: 5 }, { from: 10, rate: 15 }], period: 20 },
  ])("multiplies the mean rate of %j by the factor", (arrival) => {
    expect(loadOf(scaleArrival(arrival, 2.5))).toBeCloseTo(loadOf(arrival) * 2.5, 9);
  });

  it("scales routed traffic with the outside arrivals", () => {
    const parsed = parseScenario(pipeline);
    if (!parsed.ok) throw new Error("pipeline does not parse");
    const s: Scenario = parsed.scenario;
    const before = offeredLoad(s, compileScenario(s));
    const scaled = scaleLoad(s, 0.5);
    const after = offeredLoad(scaled, compileScenario(scaled));
    after.forEach((l, i) => expect(l.rho).toBeCloseTo(before[i]!.rho * 0.5, 12));
  });
});
