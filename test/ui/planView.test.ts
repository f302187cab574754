import { describe, expect, it } from "vitest";
import { planScenario, withCapacity, withConsumers, withPrefetch } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { capacityLine, changeText, costText, fewerCheck, headroomLine, isTimeTerm, pendingChanges, planFits, planSizeAnswers, prefetchLine, termLine } from "../../src/ui/plan/planView.ts";
import orders from "../../models/orders.json" with { type: "json" };

const parsed = parseScenario(orders);
if (!parsed.ok) throw new Error("orders.json does not parse");
const scenario: Scenario = parsed.scenario;
// Confirmed by simulation, as the page plans; the planner's own tests hold the numbers.
const plan = planScenario(scenario, "p99(wait) < 200ms and dropped < 0.1%");
const q = plan.queues.orders!;

describe("the plan as the panel words it", () => {
  it("tells time terms from fractions", () => {
    expect(isTimeTerm("p99(wait) < 200ms")).toBe(true);
    expect(isTimeTerm("mean(sojourn) < 1s")).toBe(true);
    expect(isTimeTerm("dropped < 0.1%")).toBe(false);
    expect(isTimeTerm("P(wait > 1s) < 5%")).toBe(false);
  });

  it("writes a term with its unit, interval and verdict, never NaN", () => {
    expect(termLine({ term: "p99(wait) < 200ms", value: 0.238, ci95: 0.0162, verdict: "fails" })).toBe("p99(wait) < 200ms: 238 ms ± 16.2 ms, fails");
    expect(termLine({ term: "dropped < 0.1%", value: 0, ci95: 0, verdict: "meets" })).toBe("dropped < 0.1%: 0%, meets");
    expect(termLine({ term: "p99(wait) < 200ms", value: Infinity, ci95: null, verdict: "fails", unstable: true })).not.toMatch(/NaN|Infinity/);
    expect(termLine({ term: "p99(wait) < 200ms" })).toBe("p99(wait) < 200ms: not given by the model");
  });

  it("gives the one-fewer check at one consumer below the answer", () => {
    const check = fewerCheck(q);
    expect(check?.heading).toMatch(new RegExp(`^${q.consumers! - 1} consumers \\(one fewer\\), simulated: (fails|close)`));
    expect(check?.lines).toHaveLength(2);
  });

  it("states the headroom as the largest arrival rate today's consumers keep the SLO at", () => {
    expect(headroomLine(q)).toMatch(/^With 2 consumers, the SLO holds up to [\d.]+ msg\/s \([\d.]+ × today's 50 msg\/s\)\.$/);
  });

  it("shows an unpriced cost as a dash", () => {
    expect(costText(undefined)).toBe("—");
    expect(costText(NaN)).toBe("—");
    expect(costText(262.8)).toBe("262.8");
  });

  it("keeps a plan fitting after Apply changed only the planned consumers, not after another edit", () => {
    const applied = withConsumers(scenario, "orders", q.consumers!);
    expect(planFits(plan, scenario, applied)).toBe(true);
    expect(pendingChanges(plan, scenario)).toEqual([{ queue: "orders", consumers: q.consumers }]);
    expect(pendingChanges(plan, applied)).toEqual([]);
    expect(planFits(plan, scenario, { ...scenario, seed: 1 })).toBe(false);
  });
});

describe("a plan that sized prefetch and capacity, as the panel words it", () => {
  // The orders queue against p99(wait) < 100ms and dropped < 0.1%: 3 consumers allow prefetch 1
  // only (prefetch 2: p99 wait 107 ms), and the capacity follows (planner tests hold the numbers).
  const sized = planScenario(scenario, "p99(wait) < 100ms and dropped < 0.1%", { growth: [1], size: ["consumers", "prefetch", "capacity"] });
  const s = sized.queues.orders!;
  const k = s.capacity!.value!;

  it("states the prefetch and capacity answers beside what the queue has now", () => {
    expect(prefetchLine(s)).toBe("up to 1 (now 1)");
    expect(capacityLine(s)).toBe(`${k} ready messages (now 1000)`);
    expect(prefetchLine(q)).toBeNull();
    expect(capacityLine(q)).toBeNull();
  });

  it("gives the report's prefetch and capacity fields for the Export menu", () => {
    expect(planSizeAnswers(s)).toEqual({
      prefetch: { value: 1, current: 1, meets: true, explanation: s.prefetch!.explanation },
      capacity: { value: k, current: 1000, meets: true, explanation: s.capacity!.explanation },
    });
    expect(planSizeAnswers(q)).toEqual({});
  });

  it("applies the sized capacity with the consumers, and stays fitting after Apply", () => {
    expect(pendingChanges(sized, scenario)).toEqual([{ queue: "orders", consumers: 3, capacity: k }]);
    expect(changeText(pendingChanges(sized, scenario)[0]!)).toBe(`"orders" to 3 consumers, capacity ${k}`);
    const applied = withCapacity(withConsumers(scenario, "orders", 3), "orders", k);
    expect(pendingChanges(sized, applied)).toEqual([]);
    expect(planFits(sized, scenario, applied)).toBe(true);
    expect(planFits(sized, scenario, withPrefetch(applied, "orders", 5))).toBe(true);
    // The plain plan did not size prefetch: changing it makes that plan stale.
    expect(planFits(plan, scenario, withPrefetch(scenario, "orders", 5))).toBe(false);
  });
});
