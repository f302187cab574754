import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { drainPlan, planSimulationDefaults } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { singleQueue } from "../support/scenarios.ts";

function model(name: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(`models/${name}.json`, "utf8")));
  if (!r.ok) throw new Error(`models/${name}.json does not parse`);
  return r.scenario;
}

const bounds = { ...planSimulationDefaults, minReplications: 10 };

describe("drainPlan", () => {
  it("drains an M/M/1 backlog in N / (mu - lambda), the simulation's interval covering it", () => {
    // M/M/1, lambda 8, mu 10: above level 1 the queue length is a random walk with drift -2/s, so
    // the mean time for the ready count to fall from N - 1 to 0 is (N - 1) / (mu - lambda) exactly.
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 } }, { replications: 10 });
    const d = drainPlan(s, "q", 2000, undefined, bounds);
    expect(d.current.analyticS).toBeCloseTo(1000, 9);
    const sim = d.current.simulated!;
    expect(sim.replications).toBe(10);
    expect(sim.undrained).toBe(0);
    // 95% interval over 10 replications, against the exact mean 999.5 s.
    expect(Math.abs(sim.mean - 999.5)).toBeLessThanOrEqual(sim.ci95);
    expect(d.explanation).toMatch(/^A backlog of 2000 messages at 8 msg\/s drains with 1 consumer: [\d.]+ min \(simulated 95% CI/);
  });

  it("finds the consumers that drain a backlog within a target time", () => {
    // Orders: lambda 50, mu 33.3 per consumer; 800 in 10 s needs c mu >= 80 + 50, so c = 4 (9.6 s).
    const d = drainPlan(model("orders"), "orders", 800, 10, planSimulationDefaults);
    expect(d.current.consumers).toBe(2);
    expect(d.current.analyticS).toBeCloseTo(48, 9);
    expect(d.current.verdict).toBe("fails");
    expect(d.needed!.consumers).toBe(4);
    expect(d.needed!.analyticS).toBeCloseTo(9.6, 9);
    expect(d.needed!.verdict).toBe("meets");
    expect(d.explanation).toMatch(/To drain within 10 s: 4 consumers: [\d.]+ s \(simulated 95% CI/);
  });

  it("says a backlog never drains when the consumers cannot keep up, without simulating", () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 12 }, service: { dist: "exponential", mean: 0.1 } });
    const d = drainPlan(s, "q", 100, undefined, planSimulationDefaults);
    expect(d.current.analyticS).toBe(Infinity);
    expect(d.current.simulated).toBeNull();
    expect(d.explanation).toMatch(/never \(the consumers cannot keep up\)/);
  });

  it("refuses a backlog the queue could not hold, or out of range", () => {
    expect(() => drainPlan(model("orders"), "orders", 5000, undefined, null)).toThrow('invalid backlog: 5000 (queue "orders" holds at most 1000 ready messages: its capacity)');
    expect(() => drainPlan(model("orders"), "orders", 0.5, undefined, null)).toThrow("invalid backlog: 0.5 (must be an integer from 1 to 1000000)");
    expect(() => drainPlan(model("orders"), "orders", 10, 0, null)).toThrow("invalid drain target: 0 s (must be > 0)");
  });
});
