import { describe, expect, it } from "vitest";
import { accepted, errorsOf, rawScenario, sink, withQueue } from "./helpers.ts";

describe("queue field validation", () => {
  it.each([
    [{ consumers: 0.5 }, "queues[0].consumers: expected an integer from 0 to 100000, got 0.5"],
    [{ consumers: 100001 }, "queues[0].consumers: expected an integer from 0 to 100000, got 100001"],
    [{ consumers: "many" }, 'queues[0].consumers: expected an integer from 0 to 100000, or "unlimited", got "many"'],
    [{ prefetch: -1 }, "queues[0].prefetch: expected an integer >= 0, got -1"],
    [{ prefetch: 1.5 }, "queues[0].prefetch: expected an integer >= 0, got 1.5"],
    [{ capacity: -1 }, "queues[0].capacity: expected an integer >= 0, got -1"],
    [{ capacity: "10" }, 'queues[0].capacity: expected an integer >= 0, or null (unbounded), got "10"'],
    [{ overflow: "drop-tail" }, 'queues[0].overflow: expected one of "reject-publish", "drop-head", got "drop-tail"'],
    [{ discipline: "FIFO" }, 'queues[0].discipline: expected one of "fifo", "lifo", "priority", "random", got "FIFO" (did you mean "fifo"?)'],
    [{ preemptive: "yes" }, 'queues[0].preemptive: expected true or false, got "yes"'],
    [{ ttl: -5 }, "queues[0].ttl: expected a number >= 0, got -5"],
    [{ ttl: "5s" }, 'queues[0].ttl: expected a number of seconds >= 0, or a distribution like {"dist": "exponential", "mean": 30}, got "5s"'],
    [{ ttl: { dist: "exponential", mean: -1 } }, "queues[0].ttl.mean: expected a number > 0, got -1"],
    [{ failure: { probability: 1 } }, 'queues[0].failure.probability: expected a number below 1 with "requeue": true and no "maxDeliveries" (every delivery would be requeued for ever; set "requeue": false or a "maxDeliveries"), got 1'],
    [{ failure: { probability: 1.5, requeue: false } }, "queues[0].failure.probability: expected a number from 0 to 1, got 1.5"],
    [{ failure: { probability: -0.1 } }, "queues[0].failure.probability: expected a number from 0 to 1, got -0.1"],
    [{ failure: { probability: 0.1, maxDeliveries: 0 } }, "queues[0].failure.maxDeliveries: expected an integer >= 1, got 0"],
    [{ failure: { probability: 0.1, requeue: "no" } }, 'queues[0].failure.requeue: expected true or false, got "no"'],
    [{ id: "" }, 'queues[0].id: expected a queue id (not empty), got ""'],
    [{ id: 7 }, "queues[0].id: expected a queue id (a string), got 7"],
    [{ id: "x".repeat(201) }, "queues[0].id: expected a queue id of at most 200 characters, got 201 characters"],
    [{ service: undefined }, 'queues[0].service: expected a distribution like {"dist": "exponential", "mean": 1}, but it is missing'],
    [{ routes: [{ to: "orders", probability: 1.5 }] }, "queues[0].routes[0].probability: expected a number from 0 to 1, got 1.5"],
    [{ routes: [{ to: "orders" }] }, "queues[0].routes[0].probability: expected a number from 0 to 1, but it is missing"],
    [{ priorities: [{ class: "a", priority: 256, share: 1 }] }, "queues[0].priorities[0].priority: expected an integer from 0 to 255, got 256"],
    [{ priorities: [] }, "queues[0].priorities: expected at least 1 entry in priorities, got []"],
  ])("refuses %j", (fields, message) => {
    expect(errorsOf(withQueue(fields))).toEqual([message]);
  });

  it("accepts failure.probability 1 when every failure is dead-lettered or a delivery limit ends the retries", () => {
    expect(accepted(withQueue({ failure: { probability: 1, requeue: false } })).queues[0]?.failure).toEqual({ probability: 1, requeue: false });
    expect(accepted(withQueue({ failure: { probability: 1, maxDeliveries: 3 } })).queues[0]?.failure).toEqual({ probability: 1, requeue: true, maxDeliveries: 3 });
    expect(accepted(withQueue({ failure: { probability: 1, requeue: true, maxDeliveries: 1 } })).queues[0]?.failure?.probability).toBe(1);
  });

  it('refuses a typo such as "consumer" instead of ignoring it', () => {
    expect(errorsOf(withQueue({ consumer: 2 }))).toEqual(['queues[0].consumer: unknown field "consumer" (did you mean "consumers"?)']);
  });

  it("lists the known fields when an unknown one is not close to any", () => {
    expect(errorsOf(withQueue({ colour: "red" }))).toEqual([
      'queues[0].colour: unknown field "colour" (known: id, arrival, service, consumers, prefetch, capacity, overflow, discipline, priorities, preemptive, ttl, failure, deadLetter, routes, fanout)',
    ]);
  });

  it("reports every unknown field, each at its own path", () => {
    expect(errorsOf(withQueue({ consumer: 2, prefech: 3 }))).toEqual([
      'queues[0].consumer: unknown field "consumer" (did you mean "consumers"?)',
      'queues[0].prefech: unknown field "prefech" (did you mean "prefetch"?)',
    ]);
  });

  it("names at most 20 unknown fields of one object, then counts the rest", () => {
    const fields = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`extra${i}`, i]));
    const errors = errorsOf(withQueue(fields));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe("queues[0]: 5 more unknown fields");
  });

  it("refuses unknown fields at every level: top, run, route, failure", () => {
    const raw = { ...withQueue({ routes: [{ to: "orders", probability: 0.1, weight: 1 }], failure: { probability: 0.1, retries: 2 } }), nmae: "x", run: { replication: 3 } };
    expect(errorsOf(raw).sort()).toEqual([
      'nmae: unknown field "nmae" (did you mean "name"?)',
      'queues[0].failure.retries: unknown field "retries" (known: probability, requeue, maxDeliveries)',
      'queues[0].routes[0].weight: unknown field "weight" (known: to, probability)',
      'run.replication: unknown field "replication" (did you mean "replications"?)',
    ]);
  });

  it('accepts "unlimited" consumers, capacity 0 (Erlang B) and prefetch 0 (unlimited)', () => {
    const q = accepted(withQueue({ consumers: "unlimited", capacity: 0, prefetch: 0 })).queues[0];
    expect([q?.consumers, q?.capacity, q?.prefetch]).toEqual(["unlimited", 0, 0]);
  });

  it("accepts a queue without consumers when it has a ttl (a delay queue)", () => {
    const s = accepted(withQueue({}, [sink("delay", { consumers: 0, ttl: 5, deadLetter: "orders" })]));
    expect(s.queues[1]?.consumers).toBe(0);
  });

  it("refuses more than 1000 queues", () => {
    const queues = Array.from({ length: 1001 }, (_, i) => sink(`q${i}`));
    expect(errorsOf(rawScenario({ queues }))).toEqual(["queues: expected at most 1000 entries in queues, got 1001"]);
  });

  it("refuses an empty queue list", () => {
    expect(errorsOf(rawScenario({ queues: [] }))).toEqual(["queues: expected at least 1 entry in queues, got []"]);
  });
});
