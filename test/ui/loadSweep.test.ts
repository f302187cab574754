import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/index.ts";
import { analyticCurve, curveRhos, queueRho, sweepPoint } from "../../src/worker/loadSweep.ts";
import mm1 from "../../models/mm1.json" with { type: "json" };

const parsed = parseScenario(mm1);
if (!parsed.ok) throw new Error("mm1.json does not parse");
const scenario = parsed.scenario;
const id = scenario.queues[0]!.id;

describe("the load curve the worker computes", () => {
  it("gives the M/M/1 mean wait rho / (mu - lambda) at each load", () => {
    const rho = queueRho(scenario, id);
    const curve = analyticCurve(scenario, id, rho);
    expect(curve.map((c) => c.rho)).toEqual(curveRhos);
    const svc = scenario.queues[0]!.service as { mean: number };
    for (const c of curve) {
      // M/M/1: Wq = rho / (mu - lambda) = rho * s / (1 - rho) (Gross & Harris eq. 2.28).
      expect(c.meanWaitS).toBeCloseTo((c.rho * svc.mean) / (1 - c.rho), 9);
    }
  });

  it("runs a short simulation at a given load with the scenario's seed", () => {
    const rho = queueRho(scenario, id);
    const a = sweepPoint(scenario, id, rho, 0.5);
    const b = sweepPoint(scenario, id, rho, 0.5);
    expect(a).toEqual(b);
    expect(a.meanWaitS).toBeGreaterThan(0);
    expect(Number.isFinite(a.meanWaitCi95)).toBe(true);
  });
});
