import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mmcWaitQuantile } from "../../src/analytic/index.ts";
import { analyticMaxFactor, headroom, parseSlo, planSimulationDefaults } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";

function model(name: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(`models/${name}.json`, "utf8")));
  if (!r.ok) throw new Error(`models/${name}.json does not parse`);
  return r.scenario;
}

describe("headroom", () => {
  it("bisects the analytic model for the largest rate and simulates there", () => {
    const orders = model("orders");
    const slo = parseSlo("p99(wait) < 300ms");
    const h = headroom(orders, "orders", slo, planSimulationDefaults);
    // At the answer the analytic p99 wait of M/M/2 (capacity 1000 changes nothing here) is the bound.
    expect(mmcWaitQuantile(h.lambda!, 1 / 0.03, 2, 0.99)).toBeCloseTo(0.3, 6);
    expect(h.factor).toBeGreaterThan(1);
    expect(h.method).toBe("analytic+simulation");
    expect(["close", "meets"]).toContain(h.simulated!.verdict);
    expect(h.explanation).toMatch(/^2 consumers keep the SLO up to [\d.]+ msg\/s \([\d.]+ x today's 50 msg\/s\); analytic bisection gives/);
  });

  it("finds the limit by simulation where no model applies, backed by a run that meets", () => {
    const h = headroom(model("bursty-mmpp"), "events", parseSlo("p99(wait) < 1s"), planSimulationDefaults);
    expect(h.analyticFactor).toBeNull();
    expect(h.method).toBe("simulation");
    expect(h.simulated!.verdict).toBe("meets");
    expect(h.factor).toBeGreaterThan(0);
  });

  it("says when even a trickle of traffic misses the SLO", () => {
    const slo = parseSlo("mean(sojourn) < 50ms");
    const s = model("mm1");
    expect(analyticMaxFactor(s, s.queues[0]!.id, slo, 1)).toBe(0);
    expect(headroom(s, s.queues[0]!.id, slo, null).reason).toBe("even a trickle of traffic misses the SLO");
  });
});
