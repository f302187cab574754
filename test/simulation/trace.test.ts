import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../src/simulation/model.ts";
import { runScenario } from "../../src/simulation/run.ts";
import type { Scenario } from "../../src/scenario/types.ts";
import { queue } from "../support/scenarios.ts";

function traceOf(scenario: Scenario): string[] {
  const log: string[] = [];
  const line = (e: TraceEvent) =>
    `${e.t.toFixed(2)} ${e.event} m${e.msg}${e.queue ? ` ${e.queue}` : ""}${e.consumer !== undefined ? ` c${e.consumer}` : ""}${e.detail ? ` ${e.detail}` : ""}`;
  runScenario(scenario, { trace: (e) => log.push(line(e)) });
  return log;
}

/*
 * Whole event logs of small deterministic runs pin the broker semantics down (SimPy's `log`
 * tests): every publish, delivery, service start, ack, nack/requeue, refusal, expiry,
 * dead-letter and departure, with times and ids. Message ids are reused once a message leaves.
 */
describe("event logs of small runs", () => {
  it("requeue to the head, delivery limit to the dead-letter queue, refusal when full", () => {
    const log = traceOf({
      version: 1, name: "trace", seed: 1, run: { messages: 4, warmup: 0, replications: 1 },
      queues: [
        queue({
          id: "work", arrival: { process: "trace", times: [0, 0.1, 0.2, 0.25] }, service: { dist: "deterministic", value: 0.15 },
          capacity: 1, ttl: 0.2, failure: { probability: 1, requeue: true, maxDeliveries: 2 }, deadLetter: "dlq",
        }),
        queue({ id: "dlq", service: { dist: "deterministic", value: 0.05 } }),
      ],
    });
    expect(log).toEqual([
      "0.00 publish m0 work",
      "0.00 deliver m0 work c0",
      "0.00 start m0 work c0 0.15",
      "0.10 publish m1 work", // waits: the only consumer holds m0 (prefetch 1)
      "0.15 requeue m0 work c0", // nacked with requeue: back to the head, before m1
      "0.15 deliver m0 work c0 redelivered",
      "0.15 start m0 work c0 0.15",
      "0.20 publish m2 work",
      "0.20 refused m2 work", // capacity 1 ready message (m1): reject-publish
      "0.20 leave m2 lost",
      "0.25 publish m2 work",
      "0.25 refused m2 work",
      "0.25 leave m2 lost",
      "0.30 requeue m0 work c0",
      "0.30 dead-letter m0 work delivery_limit", // second delivery failed: limit 2 reached
      "0.30 deliver m1 work c0", // at 0.1 + 0.2 (TTL) m1 would expire; the ack-time delivery comes first
      "0.30 start m1 work c0 0.15",
      "0.30 publish m0 dlq", // dead letters are republished as an event of their own
      "0.30 deliver m0 dlq c0", // a first delivery in this queue, though its delivery count carries on
      "0.30 start m0 dlq c0 0.05",
      "0.35 ack m0 dlq c0",
      "0.35 leave m0 dlq served",
      "0.45 requeue m1 work c0",
      "0.45 deliver m1 work c0 redelivered",
      "0.45 start m1 work c0 0.15",
      "0.60 requeue m1 work c0",
      "0.60 dead-letter m1 work delivery_limit",
      "0.60 publish m1 dlq",
      "0.60 deliver m1 dlq c0",
      "0.60 start m1 dlq c0 0.05",
      "0.65 ack m1 dlq c0",
      "0.65 leave m1 dlq served",
    ]);
  });

  it("TTL expiry to a dead-letter queue, and the prefetch window of two consumers", () => {
    const log = traceOf({
      version: 1, name: "trace", seed: 1, run: { messages: 4, warmup: 0, replications: 1 },
      queues: [
        queue({ id: "q", arrival: { process: "trace", times: [0, 0, 0, 0.01] }, service: { dist: "deterministic", value: 1 }, consumers: 2, prefetch: 2, ttl: 0.5, deadLetter: "dead" }),
        queue({ id: "dead", service: { dist: "deterministic", value: 0.1 } }),
      ],
    });
    expect(log).toEqual([
      "0.00 publish m0 q", "0.00 deliver m0 q c0", "0.00 start m0 q c0 1",
      "0.00 publish m1 q", "0.00 deliver m1 q c1", "0.00 start m1 q c1 1",
      // Round robin within the prefetch windows: m2 goes to c0's window and waits there,
      // out of the broker's reach, while m3 goes to c1's (no TTL applies once delivered).
      "0.00 publish m2 q", "0.00 deliver m2 q c0",
      "0.01 publish m3 q", "0.01 deliver m3 q c1",
      // A consumer starts the next message of its window at the instant it finishes, then acks.
      "1.00 start m2 q c0 1", "1.00 ack m0 q c0", "1.00 leave m0 q served",
      "1.00 start m3 q c1 1", "1.00 ack m1 q c1", "1.00 leave m1 q served",
      "2.00 ack m2 q c0", "2.00 leave m2 q served",
      "2.00 ack m3 q c1", "2.00 leave m3 q served",
    ]);
    const expiring = traceOf({
      version: 1, name: "trace", seed: 1, run: { messages: 2, warmup: 0, replications: 1 },
      queues: [
        queue({ id: "q", arrival: { process: "trace", times: [0, 0] }, service: { dist: "deterministic", value: 1 }, ttl: 0.5, deadLetter: "dead" }),
        queue({ id: "dead", service: { dist: "deterministic", value: 0.1 } }),
      ],
    });
    expect(expiring).toEqual([
      "0.00 publish m0 q", "0.00 deliver m0 q c0", "0.00 start m0 q c0 1",
      "0.00 publish m1 q",
      "0.50 expire m1 q", "0.50 dead-letter m1 q expired",
      "0.50 publish m1 dead", "0.50 deliver m1 dead c0", "0.50 start m1 dead c0 0.1",
      "0.60 ack m1 dead c0", "0.60 leave m1 dead served",
      "1.00 ack m0 q c0", "1.00 leave m0 q served",
    ]);
  });
});

describe("end-to-end routes", () => {
  it("splits a network's messages by route, and the shares add up", () => {
    const r = runScenario({
      version: 1, name: "routes", seed: 3, run: { messages: 20_000, warmup: 0, replications: 2 },
      queues: [
        queue({ id: "in", arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.05 }, routes: [{ to: "slow", probability: 0.3 }] }),
        queue({ id: "slow", service: { dist: "exponential", mean: 0.2 } }),
      ],
    });
    const routes = r.network!.simulated.routes;
    expect(routes.map((x) => x.route)).toEqual(['"in"', '"in" -> "slow"']);
    // 70% leave after "in": the share is a binomial proportion over 40,000 messages (sd 0.0023).
    expect(routes[0]!.share).toBeCloseTo(0.7, 1);
    expect(routes[0]!.share + routes[1]!.share).toBeCloseTo(1, 12);
    expect(routes[1]!.W.mean).toBeGreaterThan(routes[0]!.W.mean);
  });
});
