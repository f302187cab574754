import { describe, expect, it } from "vitest";
import {
  boundedRun,
  evaluateSimulated,
  parseSlo,
  planSimulationDefaults,
  simulatePoint,
  simulatedCapacity,
  sizeCapacity,
  withCapacity,
  type CapacityCheck,
} from "../../src/planner/index.ts";
import type { Overflow, Scenario } from "../../src/scenario/index.ts";
import { singleQueue } from "../support/scenarios.ts";

const simulated = { bounds: planSimulationDefaults, maxRuns: 12 };
const analyticOnly = { bounds: null, maxRuns: 12 };

/** M/M/1 at rho = 0.5: 5 msg/s, mean service 100 ms. */
const mm1 = (overflow: Overflow = "reject-publish") =>
  singleQueue({ arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.1 }, consumers: 1, overflow }, { messages: 20_000 });

/** The SLO's verdict in an independent simulation: another seed, the planner's run bounds. */
function recheck(s: Scenario, slo: string, capacity: number, seed: number) {
  const point = simulatePoint(boundedRun({ ...withCapacity(s, "q", capacity), seed }, planSimulationDefaults));
  return evaluateSimulated(parseSlo(slo), point, "q").verdict;
}

describe("sizeCapacity", () => {
  // M/M/1/K (Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory, 4th ed., ch. 2):
  // p_K = (1 - rho) rho^K / (1 - rho^(K+1)). At rho = 1/2: K = 6 gives 1/127 = 0.787%, K = 5 gives
  // 1/63 = 1.587%. K counts the message in service: capacity (ready messages) = K - 1.
  it("sizes M/M/1 for dropped < 1% with capacity 5, as the M/M/1/K closed form says", () => {
    const r = sizeCapacity(mm1(), "q", parseSlo("dropped < 1%"), 1, analyticOnly);
    expect(r.value).toBe(5);
    expect(r.method).toBe("analytic");
    expect(r.analytic!.model).toBe("M/M/1/6");
    expect(r.analytic!.terms[0]!.value!).toBeCloseTo(1 / 127, 12);
    expect(r.smaller!.analytic!.terms[0]!.value!).toBeCloseTo(1 / 63, 12);
    expect(r.assumed).toBeUndefined();
    expect(r.explanation).toBe(
      "Capacity 5 (ready messages, reject-publish; now unbounded) with 1 consumer at prefetch 1: dropped 0.787% (analytic, M/M/1/6). Capacity 4 fails: dropped 1.59% (analytic, M/M/1/5). Sized with the analytic model M/M/1/6; not simulated.",
    );
  });

  it("answers capacity 0 where Erlang B already meets the bound, and 1 where it does not", () => {
    // Erlang B table: B(5 lines, 2 Erlangs) = 3.67%. One waiting place more (M/M/5/6): the state
    // weights 2^n/n! for n <= 5 sum to 7.2667, and p_6 = (2^5/5!)(2/5) / (7.2667 + 0.10667) = 1.447%.
    const s = singleQueue({ arrival: { process: "poisson", rate: 2 }, service: { dist: "exponential", mean: 1 }, consumers: 5 });
    const five = sizeCapacity(s, "q", parseSlo("dropped < 5%"), 5, analyticOnly);
    expect(five.value).toBe(0);
    expect(five.analytic!.model).toBe("M/M/5/5 (Erlang B)");
    expect(five.analytic!.terms[0]!.value!).toBeCloseTo(0.0367, 4);
    expect(five.smaller).toBeNull();
    const three = sizeCapacity(s, "q", parseSlo("dropped < 3%"), 5, analyticOnly);
    expect(three.value).toBe(1);
    expect(three.analytic!.terms[0]!.value!).toBeCloseTo(0.01447, 5);
  });

  it("confirms the analytic answer by simulation; another seed meets it, one message less does not", () => {
    // dropped < 1.2% sits between the closed form's 0.787% (capacity 5) and 1.587% (capacity 4),
    // each about 0.4 points away: four times the 95% half-width (0.1-0.2 points) of 5 replications
    // of 20,000 messages, so each verdict is clear in every run, not just this seed's.
    const slo = "dropped < 1.2%";
    const r = sizeCapacity(mm1(), "q", parseSlo(slo), 1, simulated);
    expect(r.value).toBe(5);
    expect(r.method).toBe("analytic+simulation");
    expect(r.checked).toEqual([{ capacity: 5, verdict: "meets" }, { capacity: 4, verdict: "fails" }]);
    expect(r.explanation).toMatch(
      /^Capacity 5 \(ready messages, reject-publish; now unbounded\) with 1 consumer at prefetch 1: dropped [\d.]+% \(simulated 95% CI [\d.]+-[\d.]+%; analytic 0\.787%\)\. Capacity 4 fails: dropped [\d.]+% .*Sized with the analytic model M\/M\/1\/6, confirmed by simulation at 5 and 4\.$/,
    );
    for (const seed of [7, 1234]) {
      expect(recheck(mm1(), slo, 5, seed)).toBe("meets");
      expect(recheck(mm1(), slo, 4, seed)).toBe("fails");
    }
  });

  it("applies the drop bound to drop-head's dead letters, by simulation alone", () => {
    // Drop-head discards the oldest ready message where reject-publish refuses the newest: the
    // number present evolves the same way, so the loss fraction is M/M/1/K's p_K again.
    const slo = "dropped < 1.2%";
    const r = sizeCapacity(mm1("drop-head"), "q", parseSlo(slo), 1, simulated);
    expect(r.value).toBe(5);
    expect(r.method).toBe("simulation");
    expect(r.analyticReason).toMatch(/^no analytic model at capacity 0: drop-head overflow/);
    expect(r.simulated!.terms[0]!.value).toBeGreaterThan(0);
    expect(r.explanation).toMatch(/sized by simulation from \d+ \(an estimate: the arrival rate times the p98\.8 wait at the current capacity\)/);
    expect(r.explanation).toMatch(/the dropped bound is applied to those dead letters\.$/);
    expect(recheck(mm1("drop-head"), slo, 5, 7)).toBe("meets");
    expect(recheck(mm1("drop-head"), slo, 4, 7)).toBe("fails");
  });

  it("assumes dropped < 0.1% when the SLO bounds no drops, and says so", () => {
    const r = sizeCapacity(mm1(), "q", parseSlo("p99(wait) < 2s"), 1, analyticOnly);
    expect(r.assumed).toBe("dropped < 0.1%");
    expect(r.slo).toBe("p99(wait) < 2s and dropped < 0.1%");
    // p_K < 0.001 at rho = 1/2: 2^-(K+1) < 0.001 (1 - 2^-(K+1)) first holds at K = 9 (0.0977%).
    expect(r.value).toBe(8);
    expect(r.explanation).toMatch(/The SLO has no drop clause, so dropped < 0\.1% was assumed/);
  });

  it("says no capacity up to the limit meets it, analytically or by simulation, and ends", () => {
    // M/M/1/4 refuses (1/2)^4 (1/2) / (1 - (1/2)^5) = 3.23% > 1%.
    const exact = sizeCapacity(mm1(), "q", parseSlo("dropped < 1%"), 1, { ...simulated, limit: 3 });
    expect(exact.value).toBeNull();
    expect(exact.reason).toBe("no capacity up to 3 meets it (analytic, at 3: dropped 3.23%)");
    expect(exact.checked).toEqual([]);
    const dropHead = sizeCapacity(mm1("drop-head"), "q", parseSlo("dropped < 1%"), 1, { ...simulated, limit: 3 });
    expect(dropHead.value).toBeNull();
    expect(dropHead.reason).toBe("no capacity up to 3 meets it in simulation");
    expect(dropHead.checked.at(-1)).toEqual({ capacity: 3, verdict: "fails" });
    expect(dropHead.explanation).toMatch(/^No capacity answer: no capacity up to 3 meets it in simulation\. Simulated at /);
  });

  it("does not size without a consumer answer", () => {
    const r = sizeCapacity(mm1(), "q", parseSlo("dropped < 1%"), null, simulated);
    expect(r.value).toBeNull();
    expect(r.explanation).toBe("No capacity answer: no consumer count meets the SLO, so there is no count to size the capacity at.");
  });
});

describe("simulatedCapacity", () => {
  /** A check that meets from `threshold` up, as a drop bound does. */
  const counting = (threshold: number) => {
    let runs = 0;
    const check = (capacity: number): CapacityCheck => {
      runs++;
      return { capacity, verdict: capacity >= threshold ? "meets" : "fails", terms: [] };
    };
    return { check, runs: () => runs };
  };

  it("finds the smallest meeting capacity from any start, in O(log) runs, and checks the one below", () => {
    for (const threshold of [0, 1, 7, 8, 100, 4095]) {
      for (const start of [0, 1, 8, 50, 10_000]) {
        const c = counting(threshold);
        const r = simulatedCapacity(c.check, start, 1_000_000, 40);
        expect(r.value).toBe(threshold);
        expect(r.smaller?.verdict).toBe(threshold > 0 ? "fails" : undefined);
        // Galloping and bisection: about 2 log2(distance) + 2 runs.
        expect(c.runs()).toBeLessThanOrEqual(2 * Math.log2(Math.abs(threshold - start) + 2) + 3);
      }
    }
  });

  it("stops at the limit and at the run budget, saying which", () => {
    expect(simulatedCapacity(counting(500).check, 0, 100, 40)).toMatchObject({ value: null, impossible: true, reason: "no capacity up to 100 meets it in simulation" });
    const budget = simulatedCapacity(counting(500_000).check, 0, 1_000_000, 5);
    expect(budget).toMatchObject({ value: null, reason: "no capacity up to 15 met it within 5 simulations" });
    expect(budget.checks).toHaveLength(5);
  });
});
