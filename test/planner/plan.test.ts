import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatPlan, HOURS_PER_MONTH, planScenario } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";

function model(name: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(`models/${name}.json`, "utf8")));
  if (!r.ok) throw new Error(`models/${name}.json does not parse`);
  return r.scenario;
}

describe("planScenario", () => {
  const orders = model("orders");

  it("plans the orders queue: consumers, costs, headroom and growth in the plan --json shape", () => {
    const plan = planScenario(orders, "p99(wait) < 200ms", { costPerHour: 0.05, growth: [1, 2, 3] });
    expect(plan.slo).toBe("p99(wait) < 200ms");
    const q = plan.queues.orders!;
    expect(Object.keys(q).slice(0, 5)).toEqual(["queue", "consumers", "meets", "current", "explanation"]);
    expect(q).toMatchObject({ consumers: 3, meets: true, current: 2 });
    expect(q.analytic!.model).toBe("M/M/3/1003");
    expect(q.simulated!.verdict).toBe("meets");
    expect(q.costPerMonth).toBeCloseTo(3 * 0.05 * HOURS_PER_MONTH, 9);
    expect(q.currentCostPerMonth).toBeCloseTo(2 * 0.05 * HOURS_PER_MONTH, 9);
    // Two consumers already miss the SLO (analytic p99 250 ms), so the headroom is below today's rate.
    expect(q.headroom!.factor).toBeLessThan(1);
    expect(q.headroom!.analyticFactor).toBeCloseTo(0.9286, 3);
    expect(plan.growth.map((g) => g.factor)).toEqual([1, 2, 3]);
    expect(plan.growth[0]).toMatchObject({ factor: 1, consumers: 3, queues: { orders: 3 }, meets: true });
    const counts = plan.growth.map((g) => g.consumers!);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(plan.growth[2]!.costPerMonth).toBeCloseTo(counts[2]! * 0.05 * HOURS_PER_MONTH, 9);
    expect(plan.simulation).toEqual({ maxMessages: 20_000, minReplications: 5, maxReplications: 10, maxRuns: 12, replications: 5 });
    const text = formatPlan(plan);
    expect(text).toMatch(/^Plan for "Orders, two consumers" against p99\(wait\) < 200ms\n/);
    expect(text).toMatch(/queue "orders": 3 consumers \(now 2\)/);
    expect(text).toMatch(/x3 +\d+ +[\d.]+\n/);
  });

  it("is deterministic for a seed", () => {
    const a = planScenario(orders, "mean(wait) < 20ms", { growth: [1] });
    const b = planScenario(orders, "mean(wait) < 20ms", { growth: [1] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("sizes every queue of a network, upstream first, and skips what it cannot size", () => {
    const plan = planScenario(model("pipeline"), "mean(wait) < 50ms", { simulation: false, growth: [1, 2] });
    const ids = model("pipeline").queues.map((q) => q.id);
    expect(Object.keys(plan.queues).length + plan.skipped.length).toBe(ids.length);
    for (const q of Object.values(plan.queues)) expect(q.meets).toBe(true);
    expect(plan.simulation).toBeNull();
    expect(plan.growth[1]!.consumers!).toBeGreaterThanOrEqual(plan.growth[0]!.consumers!);
  });

  it("refuses bad options with the option and the value", () => {
    expect(() => planScenario(orders, "p99(wait) < 1s", { queue: "nope" })).toThrow('no queue with id "nope" (queues: "orders")');
    expect(() => planScenario(orders, "p99(wait) < 1s", { growth: [1, 0] })).toThrow("invalid growth factor: 0 (must be > 0 and at most 1e6)");
    expect(() => planScenario(orders, "p99(wait) < 1s", { costPerHour: -1 })).toThrow("invalid cost per hour: -1");
    expect(() => planScenario(orders, "p99(latency) < 1s")).toThrow(/^at 1: unknown metric "p99\(latency\)"/);
    expect(() => planScenario(orders, "p99(wait) < 1s", { backlog: 5000, simulation: false })).toThrow('invalid backlog: 5000 (queue "orders" holds at most 1000 ready messages: its capacity)');
  });
});
