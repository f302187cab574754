import { describe, expect, it } from "vitest";
import { resolvePath, sweepScenarios, type SweepPoint } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { currentParamValue, defaultRange, sweepableParams, sweepInputOf, sweepValuesOf } from "../../src/ui/plan/sweepForm.ts";
import { sweepRows } from "../../src/ui/plan/sweepSeries.ts";
import orders from "../../models/orders.json" with { type: "json" };

const parsed = parseScenario(orders);
if (!parsed.ok) throw new Error("orders.json does not parse");
const scenario: Scenario = parsed.scenario;
const queue = scenario.queues[0]!;

describe("the sweep form", () => {
  it("offers the parameters the queue has, with their values in the panel's units", () => {
    expect(sweepableParams(queue)).toEqual(["rate", "consumers", "serviceMean", "serviceCv", "prefetch"]);
    expect(currentParamValue(queue, "serviceMean")).toBeCloseTo(30, 12);
    // An exponential service time has cv 1.
    expect(currentParamValue(queue, "serviceCv")).toBe(1);
    expect(defaultRange(queue, "rate")).toEqual({ from: 25, to: 75, points: 6 });
  });

  it("spaces values evenly, whole and distinct for whole-number parameters", () => {
    expect(sweepValuesOf("rate", "10", "50", "5")).toEqual({ ok: true, values: [10, 20, 30, 40, 50] });
    expect(sweepValuesOf("consumers", "1", "3", "5")).toEqual({ ok: true, values: [1, 2, 3] });
    // The panel shows service times in ms; the scenario keeps seconds.
    expect(sweepValuesOf("serviceMean", "10", "30", "3")).toEqual({ ok: true, values: [0.01, 0.02, 0.03] });
  });

  it("refuses ranges that cannot be swept, saying which field", () => {
    expect(sweepValuesOf("rate", "x", "50", "5")).toMatchObject({ ok: false, message: expect.stringContaining("from") });
    expect(sweepValuesOf("rate", "50", "10", "5")).toMatchObject({ ok: false });
    expect(sweepValuesOf("rate", "1", "10", "1")).toMatchObject({ ok: false, message: expect.stringContaining("points") });
    expect(sweepValuesOf("consumers", "0", "4", "4")).toMatchObject({ ok: false });
    expect(sweepValuesOf("serviceMean", "0", "4", "4")).toMatchObject({ ok: false });
  });

  it("builds a path the planner resolves and values the schema accepts", () => {
    for (const param of sweepableParams(queue)) {
      const range = defaultRange(queue, param);
      const values = sweepValuesOf(param, String(range.from), String(range.to), String(range.points));
      if (!values.ok) throw new Error(values.message);
      const input = sweepInputOf(scenario, "orders", param, values.values);
      expect(() => resolvePath(scenario, input.path)).not.toThrow();
      expect(sweepScenarios(scenario, [{ path: input.path, values: input.values }]).length).toBe(input.values.length);
    }
  });
});

describe("the sweep chart's rows", () => {
  it("turns figures into bands and leaves unstable points empty", () => {
    const input = sweepInputOf(scenario, "orders", "serviceMean", [0.01, 0.05]);
    const figure = (mean: number, ci95: number | null) => ({ mean, ci95 });
    const point = (v: number, unstable: boolean): SweepPoint => ({
      values: [v],
      stopped: null,
      notes: [],
      queues: { orders: { unstable, W: unstable ? null : figure(0.02, 0.001), Wq: unstable ? null : figure(0.01, 0.02), waitP99: unstable ? null : figure(0.1, null), utilization: figure(0.5, 0.01), pBlock: figure(0, 0), analytic: null } },
    });
    const rows = sweepRows(input, [point(0.01, false), point(0.05, true)]);
    expect(rows[0]).toEqual({ x: 10, meanWait: { mean: 0.01, low: 0, high: 0.03 }, p99Wait: { mean: 0.1, low: 0.1, high: 0.1 }, unstable: false });
    expect(rows[1]).toEqual({ x: 50, meanWait: null, p99Wait: null, unstable: true });
  });
});
