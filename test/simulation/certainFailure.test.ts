import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/simulation/compile.ts";
import { expectedDeliveries, offeredLoad } from "../../src/simulation/offeredLoad.ts";
import { runScenario } from "../../src/simulation/run.ts";
import { analyzeScenario } from "../../src/simulation/withAnalytic.ts";
import type { QueueSpec } from "../../src/scenario/types.ts";
import { singleQueue } from "../support/scenarios.ts";

/*
 * failure.probability 1: every delivery is nacked. With requeue: false each message is
 * dead-lettered after one delivery; with a delivery limit m it is delivered exactly m times.
 * Either way the queue serves (acks) nothing, and the analytic mapping must stay finite.
 */
const service = { dist: "exponential", mean: 0.05 } as const;
const arrival = { process: "poisson", rate: 5 } as const;
const scenario = (failure: QueueSpec["failure"], messages = 20_000) => singleQueue({ arrival, service, failure }, { messages, replications: 4 }, 3);

describe("expected deliveries per message", () => {
  it("is 1/(1-p) with requeue, (1-p^m)/(1-p) with a limit m, m at p = 1, and 1 without requeue", () => {
    expect(expectedDeliveries(0.5, true, 0)).toBe(2);
    expect(expectedDeliveries(0.5, true, 3)).toBeCloseTo(1.75, 12); // 1 + 0.5 + 0.25
    expect(expectedDeliveries(1, true, 3)).toBe(3);
    expect(expectedDeliveries(1 - 1e-9, true, 3)).toBeCloseTo(3, 6); // continuous at p = 1
    expect(expectedDeliveries(1, false, 0)).toBe(1);
    expect(expectedDeliveries(1, false, 3)).toBe(1);
  });

  it("is Infinity, not NaN, for p = 1 with requeue and no limit (which the schema refuses)", () => {
    expect(expectedDeliveries(1, true, 0)).toBe(Infinity);
  });
});

describe("offered load and the analytic model at failure.probability 1", () => {
  it("counts m deliveries of service per message with a delivery limit m", () => {
    const s = scenario({ probability: 1, requeue: true, maxDeliveries: 3 });
    const [load] = offeredLoad(s, compileScenario(s));
    expect(load!.meanDemand).toBeCloseTo(0.15, 12);
    expect(load!.rho).toBeCloseTo(0.75, 12);
    expect(load!.unstable).toBe(false);
  });

  it("counts one delivery per message without requeue", () => {
    const s = scenario({ probability: 1, requeue: false });
    const [load] = offeredLoad(s, compileScenario(s));
    expect(load!.meanDemand).toBeCloseTo(0.05, 12);
  });

  it("maps m attempts to an M/G/1 with a finite wait (Pollaczek-Khinchine)", () => {
    const a = analyzeScenario(scenario({ probability: 1, requeue: true, maxDeliveries: 3 })).queues.q!.analytic!;
    // S = three exponential attempts of 0.05 s: E[S] = 0.15, E[S^2] = 3 * 0.05^2 + 0.15^2 = 0.03;
    // Pollaczek-Khinchine Wq = lambda E[S^2] / (2 (1 - rho)) = 5 * 0.03 / 0.5 = 0.3 s, W = 0.45 s.
    expect(a.Wq).toBeCloseTo(0.3, 9);
    expect(a.W).toBeCloseTo(0.45, 9);
    expect(String(a.note)).toMatch(/every delivery is nacked/);
  });
});

describe("simulating failure.probability 1", () => {
  it("dead-letters every message after one delivery without requeue, and acks none", () => {
    const r = runScenario(scenario({ probability: 1, requeue: false }, 5_000)).queues.q!.simulated;
    const c = r.counts;
    expect(c.acked).toBe(0);
    expect(c.deadLettered).toBe(c.published - c.inFlight);
    expect(c.deadLetteredByReason.rejected).toBe(c.deadLettered);
    // Each delivery ends in a nack, but for those still in service when the run stops.
    expect(c.nacked).toBe(c.deadLettered);
    expect(c.delivered - c.nacked).toBeLessThanOrEqual(c.inFlight);
    expect(r.throughput.mean).toBe(0);
  });

  it("delivers every message exactly m times before the delivery limit, and its L agrees with the model", () => {
    const s = scenario({ probability: 1, requeue: true, maxDeliveries: 3 });
    const r = runScenario(s).queues.q!.simulated;
    const c = r.counts;
    expect(c.acked).toBe(0);
    expect(c.deadLetteredByReason.delivery_limit).toBe(c.deadLettered);
    // Finished messages took 3 deliveries each; the few in flight at the end took 0 to 3.
    const extra = c.delivered - 3 * c.deadLettered;
    expect(extra).toBeGreaterThanOrEqual(0);
    expect(extra).toBeLessThanOrEqual(3 * c.inFlight);
    // M/G/1 above: L = lambda W = 5 * 0.45 = 2.25; 4 replications, t(3) 95% half-width widened to 99.9% (12.92 / 3.18).
    expect(Math.abs(r.L.mean - 2.25)).toBeLessThanOrEqual(r.L.ci95 * (12.92 / 3.18));
  });
});
