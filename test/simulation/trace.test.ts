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

describe("event logs of the retry pattern and of drop-head", () => {
  it("nack without requeue to a delay queue whose TTL sends the message back, until the delivery limit", () => {
    const log = traceOf({
      version: 1, name: "trace", seed: 1, run: { messages: 2, warmup: 0, replications: 1 },
      queues: [
        queue({ id: "work", arrival: { process: "trace", times: [0, 0.3] }, service: { dist: "deterministic", value: 0.2 }, failure: { probability: 1, requeue: false, maxDeliveries: 2 }, deadLetter: "delay" }),
        queue({ id: "delay", service: { dist: "deterministic", value: 1 }, consumers: 0, ttl: 0.25, deadLetter: "work" }),
      ],
    });
    expect(log).toEqual([
      "0.00 publish m0 work", "0.00 deliver m0 work c0", "0.00 start m0 work c0 0.2",
      "0.20 nack m0 work c0", // requeue false: dead-lettered, reason rejected
      "0.20 dead-letter m0 work rejected",
      "0.20 publish m0 delay", // no consumers: it waits out the TTL
      "0.30 publish m1 work", "0.30 deliver m1 work c0", "0.30 start m1 work c0 0.2",
      "0.45 expire m0 delay", // 0.2 + 0.25
      "0.45 dead-letter m0 delay expired",
      "0.45 publish m0 work", // back, its delivery count (1) carried over; waits behind m1
      "0.50 nack m1 work c0", "0.50 dead-letter m1 work rejected",
      "0.50 deliver m0 work c0", // not flagged redelivered: it came back as a dead letter
      "0.50 start m0 work c0 0.2",
      "0.50 publish m1 delay",
      "0.70 nack m0 work c0",
      "0.70 dead-letter m0 work delivery_limit", // second delivery of 2: the retry loop is spent
      "0.70 leave m0 work lost", // requeue false and the limit reached: it leaves (README, "Retries")
      "0.75 expire m1 delay", "0.75 dead-letter m1 delay expired",
      "0.75 publish m1 work", "0.75 deliver m1 work c0", "0.75 start m1 work c0 0.2",
      "0.95 nack m1 work c0", "0.95 dead-letter m1 work delivery_limit", "0.95 leave m1 work lost",
    ]);
  });

  it("drop-head dead-letters the oldest ready message (maxlen) and an ack routes on", () => {
    const log = traceOf({
      version: 1, name: "trace", seed: 1, run: { messages: 4, warmup: 0, replications: 1 },
      queues: [
        queue({ id: "in", arrival: { process: "trace", times: [0, 0.1, 0.2, 0.3] }, service: { dist: "deterministic", value: 1 }, capacity: 1, overflow: "drop-head", deadLetter: "parked", routes: [{ to: "out", probability: 1 }] }),
        queue({ id: "out", service: { dist: "deterministic", value: 0.5 } }),
        queue({ id: "parked", service: { dist: "deterministic", value: 0.05 } }),
      ],
    });
    expect(log).toEqual([
      "0.00 publish m0 in", "0.00 deliver m0 in c0", "0.00 start m0 in c0 1",
      "0.10 publish m1 in", // the one ready message capacity 1 allows
      "0.20 publish m2 in", "0.20 dead-letter m1 in maxlen", // full: the head (m1) goes, m2 takes its place
      "0.20 publish m1 parked", "0.20 deliver m1 parked c0", "0.20 start m1 parked c0 0.05",
      "0.25 ack m1 parked c0", "0.25 leave m1 parked served",
      "0.30 publish m1 in", "0.30 dead-letter m2 in maxlen", // id 1 reused by the fourth arrival
      "0.30 publish m2 parked", "0.30 deliver m2 parked c0", "0.30 start m2 parked c0 0.05",
      "0.35 ack m2 parked c0", "0.35 leave m2 parked served",
      "1.00 ack m0 in c0", "1.00 deliver m1 in c0", "1.00 start m1 in c0 1",
      "1.00 publish m0 out", "1.00 deliver m0 out c0", "1.00 start m0 out c0 0.5", // routed on after its ack
      "1.50 ack m0 out c0", "1.50 leave m0 out served",
      "2.00 ack m1 in c0", "2.00 publish m1 out", "2.00 deliver m1 out c0", "2.00 start m1 out c0 0.5",
      "2.50 ack m1 out c0", "2.50 leave m1 out served",
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
