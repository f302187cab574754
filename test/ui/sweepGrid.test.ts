import { describe, expect, it } from "vitest";
import { sweepScenarios, type SweepPoint, type SweepQueue } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { gridSizeError, maxGridPoints, sweepInputOf } from "../../src/ui/plan/sweepForm.ts";
import { paramTitle, sweepGrid } from "../../src/ui/plan/sweepGrid.ts";
import { sweepRows } from "../../src/ui/plan/sweepSeries.ts";
import orders from "../../models/orders.json" with { type: "json" };

const parsed = parseScenario(orders);
if (!parsed.ok) throw new Error("orders.json does not parse");
const scenario: Scenario = parsed.scenario;

const figure = (mean: number) => ({ mean, ci95: mean / 10 });
function queueAt(wq: number | null, p99: number | null): SweepQueue {
  const unstable = wq === null;
  return { unstable, W: null, Wq: wq === null ? null : figure(wq), waitP99: p99 === null ? null : figure(p99), utilization: figure(0.5), pBlock: figure(0), analytic: null };
}
const point = (values: number[], q: SweepQueue): SweepPoint => ({ values, queues: { orders: q }, stopped: null, notes: [] });

describe("the 2-D sweep form and grid", () => {
  const input = sweepInputOf(scenario, "orders", "consumers", [1, 2], { param: "serviceMean", values: [0.01, 0.02, 0.03] });

  it("builds a second sweep path the planner accepts, first parameter outermost", () => {
    expect(input.second).toEqual({ param: "serviceMean", path: "queues[0].service.mean", values: [0.01, 0.02, 0.03] });
    const grid = sweepScenarios(scenario, [{ path: input.path, values: input.values }, { path: input.second!.path, values: input.second!.values }]);
    expect(grid.map((g) => g.values)).toEqual([[1, 0.01], [1, 0.02], [1, 0.03], [2, 0.01], [2, 0.02], [2, 0.03]]);
    expect(sweepInputOf(scenario, "orders", "consumers", [1, 2]).second).toBeUndefined();
  });

  it("refuses a grid larger than the page runs, naming both counts", () => {
    expect(gridSizeError(12, 12)).toBeNull();
    expect(gridSizeError(25, 25)).toBe(`25 × 25 = 625 points: at most ${maxGridPoints} in a 2-D sweep`);
  });

  it("gives cells in panel units coloured by the chosen wait, unstable cells without a number", () => {
    const points = [point([1, 0.01], queueAt(0.004, 0.05)), point([1, 0.02], queueAt(null, null)), point([2, 0.01], queueAt(0.001, 0.02))];
    const mean = sweepGrid(input, points, "mean");
    expect(mean.xs).toEqual([1, 2]);
    expect(mean.ys).toEqual([10, 20, 30]); // service time shown in ms
    expect(mean.cells).toEqual([
      { x: 1, y: 10, wait: 0.004, unstable: false },
      { x: 1, y: 20, wait: null, unstable: true },
      { x: 2, y: 10, wait: 0.001, unstable: false },
    ]);
    expect(mean.domain).toEqual([0.001, 0.004]);
    expect(sweepGrid(input, points, "p99").domain).toEqual([0.02, 0.05]);
    expect(sweepRows(input, points).map((r) => [r.x, r.y])).toEqual([[1, 10], [1, 20], [2, 10]]);
  });

  it("never yields NaN: a non-finite figure is no figure, and an all-unstable grid has no colour domain", () => {
    const points = [point([1, 0.01], queueAt(Number.NaN, Infinity)), point([2, 0.01], queueAt(null, null))];
    const grid = sweepGrid(input, points, "p99");
    expect(grid.cells.map((c) => c.wait)).toEqual([null, null]);
    expect(grid.domain).toBeNull();
    expect(sweepGrid(sweepInputOf(scenario, "orders", "rate", [1, 2]), points, "mean").cells).toEqual([]);
  });

  it("titles an axis with the parameter's unit", () => {
    expect(paramTitle("serviceMean")).toBe("mean service time (ms)");
    expect(paramTitle("consumers")).toBe("consumers");
  });
});
