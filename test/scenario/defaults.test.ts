import { describe, expect, it } from "vitest";
import { accepted, rawScenario, withQueue } from "./helpers.ts";

describe("scenario defaults", () => {
  it("fills name, seed and run when the file gives none", () => {
    const s = accepted(rawScenario());
    expect(s.name).toBe("Untitled scenario");
    expect(s.seed).toBe(1);
    expect(s.run).toEqual({ messages: 100000, warmup: "auto", replications: 5 });
    expect(s.description).toBeUndefined();
  });

  it("fills every queue field with the DESIGN.md default", () => {
    const [q] = accepted(rawScenario()).queues;
    expect(q).toEqual({
      id: "orders",
      arrival: { process: "poisson", rate: 5 },
      service: { dist: "exponential", mean: 0.1 },
      consumers: 1,
      prefetch: 1,
      capacity: null,
      overflow: "reject-publish",
      discipline: "fifo",
    });
  });

  it("gives a run without messages or duration 100000 messages", () => {
    expect(accepted(rawScenario({ run: { replications: 3 } })).run).toEqual({ messages: 100000, warmup: "auto", replications: 3 });
  });

  it("keeps a run given by duration without adding messages", () => {
    expect(accepted(rawScenario({ run: { duration: 60, warmup: 0 } })).run).toEqual({ duration: 60, warmup: 0, replications: 5 });
  });

  it('defaults discipline to "priority" when priorities are given', () => {
    const priorities = [
      { class: "high", priority: 9, share: 0.25 },
      { class: "low", priority: 1, share: 0.75 },
    ];
    expect(accepted(withQueue({ priorities })).queues[0]?.discipline).toBe("priority");
  });

  it("keeps an explicit discipline with priorities (classes served in arrival order)", () => {
    const priorities = [{ class: "only", priority: 1, share: 1 }];
    expect(accepted(withQueue({ priorities, discipline: "fifo" })).queues[0]?.discipline).toBe("fifo");
  });

  it("defaults failure.requeue to true, as AMQP's basic.nack does", () => {
    expect(accepted(withQueue({ failure: { probability: 0.1 } })).queues[0]?.failure).toEqual({ probability: 0.1, requeue: true });
  });

  it("turns -0 into 0 wherever it is accepted", () => {
    const s = accepted(withQueue({ arrival: { process: "poisson", rate: -0 }, ttl: -0, prefetch: -0 }, []));
    const q = s.queues[0];
    expect(Object.is(q?.ttl, 0)).toBe(true);
    expect(Object.is(q?.prefetch, 0)).toBe(true);
    expect(q?.arrival).toEqual({ process: "poisson", rate: 0 });
    expect(Object.is(accepted(rawScenario({ run: { warmup: -0 } })).run.warmup, 0)).toBe(true);
  });

  it("does not keep the input's objects (editing the result leaves the input alone)", () => {
    const raw = rawScenario();
    const s = accepted(raw);
    s.queues[0]!.service = { dist: "deterministic", value: 1 };
    expect((raw.queues as { service: unknown }[])[0]?.service).toEqual({ dist: "exponential", mean: 0.1 });
  });
});

describe("objects built in code", () => {
  it("validates { field: undefined } like a missing field, without keeping the key", () => {
    const s = accepted(withQueue({ arrival: { process: "poisson", rate: 1 }, ttl: undefined, routes: undefined }));
    expect(Object.keys(s.queues[0]!)).not.toContain("ttl");
    expect(Object.keys(s.queues[0]!)).not.toContain("routes");
  });
});
