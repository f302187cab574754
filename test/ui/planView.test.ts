import { describe, expect, it } from "vitest";
import { planScenario, withConsumers } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { costText, fewerCheck, headroomLine, isTimeTerm, pendingChanges, planFits, termLine } from "../../src/ui/plan/planView.ts";
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
