import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runScenario } from "../../src/simulation/run.ts";
import type { DistributionSpec, Scenario } from "../../src/scenario/types.ts";
import { queue, singleQueue } from "../support/scenarios.ts";

const services: DistributionSpec[] = [
  { dist: "exponential", mean: 0.02 },
  { dist: "deterministic", value: 0.02 },
  { dist: "lognormal", mean: 0.02, cv: 2 },
  { dist: "uniform", min: 0, max: 0.04 },
];

/** Random small scenarios with every broker feature: prefetch, capacity, overflow, TTL, failures, routes, dead letters. */
const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  rate: fc.double({ min: 5, max: 150, noNaN: true }),
  service: fc.constantFrom(...services),
  consumers: fc.integer({ min: 1, max: 4 }),
  prefetch: fc.integer({ min: 0, max: 5 }),
  capacity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  overflow: fc.constantFrom("reject-publish" as const, "drop-head" as const),
  discipline: fc.constantFrom("fifo" as const, "lifo" as const, "random" as const),
  ttl: fc.option(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { nil: undefined }),
  failure: fc.option(fc.record({ probability: fc.double({ min: 0, max: 0.5, noNaN: true }), requeue: fc.boolean(), maxDeliveries: fc.integer({ min: 1, max: 4 }) }), { nil: undefined }),
  route: fc.double({ min: 0, max: 0.9, noNaN: true }),
  replications: fc.integer({ min: 1, max: 3 }),
}).map((p): Scenario => ({
  version: 1,
  name: "random",
  seed: p.seed,
  run: { messages: 800, warmup: "auto", replications: p.replications },
  queues: [
    queue({ id: "a", arrival: { process: "poisson", rate: p.rate }, service: p.service, consumers: p.consumers, prefetch: p.prefetch, capacity: p.capacity, overflow: p.overflow, discipline: p.discipline, ttl: p.ttl, failure: p.failure, deadLetter: "dlq", routes: [{ to: "b", probability: p.route }] }),
    queue({ id: "b", service: { dist: "exponential", mean: 0.01 }, consumers: 2, capacity: 5 }),
    queue({ id: "dlq", service: { dist: "exponential", mean: 0.001 } }),
  ],
}));

describe("message conservation", () => {
  it("published = acked + expired + deadLettered + dropped + inFlight for every queue of every run (property)", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const r = runScenario(scenario);
        for (const [id, q] of Object.entries(r.queues)) {
          const c = q.simulated.counts;
          expect(c.published, id).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight);
          for (const v of Object.values(q.simulated)) if (typeof v === "object" && "mean" in v) expect(Number.isFinite(v.mean)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("Little's law", () => {
  it("L = lambda_eff W holds within the confidence interval (property)", () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 0, max: 1e6 }), rho: fc.double({ min: 0.2, max: 0.8, noNaN: true }), c: fc.integer({ min: 1, max: 3 }), service: fc.constantFrom(...services) }),
        ({ seed, rho, c, service }) => {
          const lambda = (rho * c) / 0.02;
          const r = runScenario(singleQueue({ arrival: { process: "poisson", rate: lambda }, service, consumers: c }, { messages: 20_000, replications: 5 }, seed));
          const q = r.queues.q!.simulated;
          // L, throughput and W are estimated on the same replications: L_i = X_i W_i holds in each
          // replication up to the messages still in the system at the ends of the measured span,
          // so the difference must be within the intervals' combined half-widths (plus 2% for
          // those end effects over 4000 messages per replication).
          const littleL = q.throughput.mean * q.W.mean;
          const tolerance = q.L.ci95 + littleL * (q.throughput.ci95 / q.throughput.mean + q.W.ci95 / q.W.mean) + 0.02 * q.L.mean;
          expect(Math.abs(q.L.mean - littleL)).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("determinism and common random numbers", () => {
  const base = () => singleQueue({ arrival: { process: "poisson", rate: 40 }, service: { dist: "exponential", mean: 0.02 } }, { messages: 5000, replications: 2 }, 7);

  it("gives identical results for the same seed", () => {
    const strip = (r: ReturnType<typeof runScenario>) => ({ ...r, runtime: null });
    expect(strip(runScenario(base()))).toEqual(strip(runScenario(base())));
  });

  it("keeps the arrival stream when only the service rate changes", () => {
    // With warm-up 0 and a duration, the number of published messages depends only on the arrivals.
    const s1 = { ...base(), run: { duration: 200, warmup: 0 as const, replications: 1 } };
    const s2 = { ...s1, queues: [{ ...s1.queues[0]!, service: { dist: "exponential" as const, mean: 0.01 } }] };
    const s3 = { ...s1, seed: 8 };
    const published = (s: Scenario) => runScenario(s).queues.q!.simulated.counts.published;
    expect(published(s2)).toBe(published(s1));
    expect(published(s3)).not.toBe(published(s1));
  });
});
