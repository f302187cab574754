import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatIssue, parseScenario, type Scenario } from "../../src/scenario/index.ts";
import type { TraceEvent } from "../../src/simulation/model.ts";
import { runScenario } from "../../src/simulation/run.ts";

/*
 * Broker invariants checked on whole simulated runs, from their event logs: random networks
 * with every feature at once (bursty and batch arrivals, priorities, prefetch windows,
 * capacity with both overflow policies, fixed and drawn TTLs, nacks with and without requeue,
 * delivery limits, a delay queue dead-lettering back, routes, fanout, unlimited consumers).
 * test/broker checks the same rules on one queue driven by hand; here the calendar, the
 * consumer pool and the routing drive it.
 */

const services = [
  { dist: "exponential", mean: 0.02 },
  { dist: "deterministic", value: 0.02 },
  { dist: "lognormal", mean: 0.02, cv: 2 },
] as const;

const arrivalArb = fc.oneof(
  fc.record({ process: fc.constant("poisson"), rate: fc.double({ min: 5, max: 150, noNaN: true }) }),
  fc.record({ process: fc.constant("batch"), rate: fc.double({ min: 2, max: 40, noNaN: true }), size: fc.record({ dist: fc.constant("geometric"), mean: fc.double({ min: 1, max: 4, noNaN: true }) }) }),
  fc.tuple(fc.double({ min: 1, max: 20, noNaN: true }), fc.double({ min: 50, max: 200, noNaN: true })).map(([low, high]) => ({ process: "mmpp", states: [{ rate: low }, { rate: high }], switch: [[0, 1], [5, 0]] })),
);

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  arrival: arrivalArb,
  service: fc.constantFrom(...services),
  consumers: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constant("unlimited" as const) }),
  prefetch: fc.integer({ min: 0, max: 5 }),
  capacity: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  overflow: fc.constantFrom("reject-publish", "drop-head"),
  discipline: fc.constantFrom("fifo", "lifo", "random", "priority"),
  ttl: fc.option(fc.oneof(fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }).map((mean) => ({ dist: "exponential", mean }))), { nil: undefined }),
  failure: fc.option(fc.record({ probability: fc.double({ min: 0, max: 0.5, noNaN: true }), requeue: fc.boolean(), maxDeliveries: fc.integer({ min: 1, max: 4 }) }), { nil: undefined }),
  deadLetter: fc.constantFrom("retry", "dlq"),
  route: fc.double({ min: 0, max: 0.9, noNaN: true }),
  fanPrefetch: fc.integer({ min: 0, max: 3 }),
}).map((p) => {
  const raw = {
    version: 1, name: "every feature", seed: p.seed, run: { messages: 400, warmup: 0, replications: 1 },
    queues: [
      {
        id: "work", arrival: p.arrival, service: p.service, consumers: p.consumers, prefetch: p.prefetch, capacity: p.capacity, overflow: p.overflow,
        discipline: p.discipline, ...(p.discipline === "priority" ? { priorities: [{ class: "high", priority: 9, share: 0.3 }, { class: "low", priority: 1, share: 0.7 }] } : {}),
        ...(p.ttl !== undefined ? { ttl: p.ttl } : {}), ...(p.failure ? { failure: p.failure } : {}), deadLetter: p.deadLetter,
        routes: [{ to: "fan", probability: p.route }],
      },
      { id: "retry", service: { dist: "exponential", mean: 0.01 }, consumers: 0, ttl: 0.05, deadLetter: "work" },
      { id: "fan", service: { dist: "exponential", mean: 0.01 }, consumers: 2, prefetch: p.fanPrefetch, capacity: 5, overflow: "drop-head", fanout: ["sink", "dlq"] },
      { id: "sink", service: { dist: "exponential", mean: 0.005 } },
      { id: "dlq", service: { dist: "exponential", mean: 0.01 }, consumers: "unlimited" },
    ],
  };
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`generator made an invalid scenario: ${parsed.errors.map(formatIssue).join("; ")}`);
  return parsed.scenario;
});

/** Replays a run's event log and throws at the first event that breaks a broker rule. */
function checkLog(scenario: Scenario, log: TraceEvent[]): Map<string, Record<string, number>> {
  const prefetchOf = new Map(scenario.queues.map((q) => [q.id, q.prefetch]));
  const holder = new Map<number, { queue: string; consumer: number }>(); // delivered, not yet settled
  const held = new Map<string, number>(); // "queue/consumer" -> unacked messages
  const busyUntil = new Map<string, number>(); // "queue/consumer" -> end of the service in progress
  const tally = new Map<string, Record<string, number>>();
  const where = (e: TraceEvent) => `${e.event} m${e.msg} ${e.queue} c${e.consumer} at ${e.t}`;
  for (const e of log) {
    if (e.queue !== undefined) {
      const t = tally.get(e.queue) ?? {};
      t[e.event] = (t[e.event] ?? 0) + 1;
      tally.set(e.queue, t);
    }
    const key = `${e.queue}/${e.consumer}`;
    if (e.event === "deliver") {
      // Never delivered to two consumers at once (nor twice to one).
      expect(holder.get(e.msg), `${where(e)}: already held`).toBeUndefined();
      holder.set(e.msg, { queue: e.queue!, consumer: e.consumer! });
      if (e.consumer! >= 0) {
        const n = (held.get(key) ?? 0) + 1;
        held.set(key, n);
        const prefetch = prefetchOf.get(e.queue!)!;
        if (prefetch > 0) expect(n, `${where(e)}: more than prefetch ${prefetch} unacked`).toBeLessThanOrEqual(prefetch);
      }
    } else if (e.event === "start") {
      expect(holder.get(e.msg), `${where(e)}: started without being delivered to this consumer`).toEqual({ queue: e.queue, consumer: e.consumer });
      if (e.consumer! >= 0) {
        // One message at a time: the consumer's previous service has ended (to rounding).
        expect(e.t, `${where(e)}: consumer still busy`).toBeGreaterThanOrEqual((busyUntil.get(key) ?? 0) - 1e-9);
        busyUntil.set(key, e.t + Number(e.detail));
      }
    } else if (e.event === "ack" || e.event === "nack" || e.event === "requeue") {
      expect(holder.get(e.msg), `${where(e)}: settled by a consumer that does not hold it`).toEqual({ queue: e.queue, consumer: e.consumer });
      holder.delete(e.msg);
      if (e.consumer! >= 0) held.set(key, held.get(key)! - 1);
    }
  }
  return tally;
}

describe("broker rules on random networks with every feature (property)", () => {
  it("no double delivery, at most prefetch unacked and one message in service per consumer, and counts that match the log and conserve", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const log: TraceEvent[] = [];
        const r = runScenario(scenario, { trace: (e) => log.push(e) });
        const tally = checkLog(scenario, log);
        for (const [id, q] of Object.entries(r.queues)) {
          const c = q.simulated.counts;
          const t = tally.get(id) ?? {};
          // One replication, no warm-up: the counts are exactly the log's.
          expect({ published: c.published, delivered: c.delivered, acked: c.acked, expired: c.expired, dropped: c.dropped, nacked: c.nacked }, id).toEqual({
            published: t.publish ?? 0, delivered: t.deliver ?? 0, acked: t.ack ?? 0, expired: t.expire ?? 0, dropped: t.refused ?? 0, nacked: (t.nack ?? 0) + (t.requeue ?? 0),
          });
          expect(c.expired + c.deadLettered, `${id}: dead-letter events`).toBe(t["dead-letter"] ?? 0);
          const byReason = c.deadLetteredByReason;
          expect(byReason.rejected + byReason.maxlen + byReason.delivery_limit, id).toBe(c.deadLettered);
          expect(c.published, id).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight);
          expect(c.inFlight, id).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
