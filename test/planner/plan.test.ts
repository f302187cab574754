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
    expect(plan.size).toEqual(["consumers"]);
    const q = plan.queues.orders!;
    expect(q.prefetch).toBeUndefined();
    expect(q.capacity).toBeUndefined();
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

  it("sizes prefetch and capacity where asked, at the consumers' answer, which stays the same", () => {
    const slo = "p99(wait) < 100ms";
    const plan = planScenario(orders, slo, { growth: [1], size: ["capacity", "prefetch"] });
    expect(plan.size).toEqual(["consumers", "prefetch", "capacity"]);
    const q = plan.queues.orders!;
    // As without `size` (size.test.ts): prefetch and capacity are sized after the consumers.
    expect(q.consumers).toBe(3);
    expect(q.explanation).toMatch(/^3 consumers: p99 wait [\d.]+ ms .* Sized with the analytic model M\/M\/3\/1003, confirmed by simulation at 3 and 2\.$/);
    // 3 consumers: p99 wait 60 ms at prefetch 1, 107 ms at prefetch 2 (see prefetch.test.ts).
    expect(q.prefetch).toMatchObject({ consumers: 3, current: 1, value: 1, next: { prefetch: 2, verdict: "fails" }, oneMore: { consumers: 4 } });
    // The SLO bounds no drops: sized for dropped < 0.1% at 3 consumers and prefetch 1, where M/M/3/10
    // (capacity 7) refuses 0.093%, too close to the bound for the simulation to tell.
    expect(q.capacity).toMatchObject({ consumers: 3, prefetch: 1, current: 1000, assumed: "dropped < 0.1%", analyticValue: 7 });
    expect(q.capacity!.value).toBeGreaterThanOrEqual(7);
    expect(q.capacity!.analytic!.terms[1]!.value!).toBeLessThan(0.001);
    const text = formatPlan(plan);
    expect(text).toMatch(new RegExp(`queue "orders": 3 consumers \\(now 2\\), prefetch 1 \\(now 1\\), capacity ${q.capacity!.value} \\(now 1000\\)\n`));
    expect(text).toMatch(/\n {2}Prefetch 1 with 3 consumers \(now 1\): p99 wait/);
    expect(text).toMatch(/\n {2}Capacity \d+ \(ready messages, reject-publish; now 1000\) with 3 consumers at prefetch 1:/);
  });

  it("refuses bad options with the option and the value", () => {
    expect(() => planScenario(orders, "p99(wait) < 1s", { queue: "nope" })).toThrow('no queue with id "nope" (queues: "orders")');
    expect(() => planScenario(orders, "p99(wait) < 1s", { growth: [1, 0] })).toThrow("invalid growth factor: 0 (must be > 0 and at most 1e6)");
    expect(() => planScenario(orders, "p99(wait) < 1s", { costPerHour: -1 })).toThrow("invalid cost per hour: -1");
    expect(() => planScenario(orders, "p99(latency) < 1s")).toThrow(/^at 1: unknown metric "p99\(latency\)"/);
    expect(() => planScenario(orders, "p99(wait) < 1s", { size: ["prefetch", "memory"] })).toThrow('invalid size item: "memory" (expected consumers, prefetch or capacity)');
    expect(() => planScenario(orders, "p99(wait) < 1s", { size: ["capacity"], capacityLimit: -1 })).toThrow("invalid capacity limit: -1 (must be a whole number from 0 to 1e9)");
    expect(() => planScenario(orders, "p99(wait) < 1s", { backlog: 5000, simulation: false })).toThrow('invalid backlog: 5000 (queue "orders" holds at most 1000 ready messages: its capacity)');
  });
});
