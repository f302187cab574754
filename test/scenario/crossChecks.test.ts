import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/index.ts";
import { accepted, errorsOf, okResult, sink, withQueue } from "./helpers.ts";

describe("cross-field checks", () => {
  it("refuses a duplicate queue id, naming the first", () => {
    expect(errorsOf(withQueue({}, [sink("billing"), sink("orders")]))).toEqual(['queues[2].id: duplicate queue id "orders" (also queues[0].id)']);
  });

  it("refuses a route to an unknown queue, naming the field and the id", () => {
    expect(errorsOf(withQueue({ routes: [{ to: "biling", probability: 0.3 }] }, [sink("billing")]))).toEqual([
      'queues[0].routes[0].to: unknown queue "biling" (did you mean "billing"?)',
    ]);
  });

  it("refuses a fanout or deadLetter to an unknown queue", () => {
    expect(errorsOf(withQueue({ fanout: ["audit", "mail"], deadLetter: "dlq" }, [sink("audit")]))).toEqual([
      'queues[0].fanout[1]: unknown queue "mail"',
      'queues[0].deadLetter: unknown queue "dlq"',
    ]);
  });

  it("refuses a fanout listing a queue twice", () => {
    expect(errorsOf(withQueue({ fanout: ["audit", "audit"] }, [sink("audit")]))).toEqual(['queues[0].fanout[1]: queue "audit" is listed twice']);
  });

  it("refuses route probabilities summing to more than 1", () => {
    const routes = [
      { to: "a", probability: 0.6 },
      { to: "b", probability: 0.5 },
    ];
    expect(errorsOf(withQueue({ routes }, [sink("a"), sink("b")]))).toEqual([
      "queues[0].routes: expected probabilities summing to at most 1 (the rest leaves the system), got 1.1",
    ]);
  });

  it("accepts route probabilities summing to 1 up to rounding (0.1 + 0.2 + 0.7)", () => {
    const routes = [
      { to: "a", probability: 0.1 },
      { to: "b", probability: 0.2 },
      { to: "a", probability: 0.7 },
    ];
    expect(parseScenario(withQueue({ routes }, [sink("a"), sink("b")])).ok).toBe(true);
  });

  it("refuses priority shares that do not sum to 1", () => {
    const priorities = [
      { class: "high", priority: 9, share: 0.3 },
      { class: "low", priority: 1, share: 0.6 },
    ];
    expect(errorsOf(withQueue({ priorities }))).toEqual(["queues[0].priorities: expected shares summing to 1, got 0.9"]);
  });

  it("accepts shares summing to 1 within 1e-6 (three thirds written as decimals)", () => {
    const priorities = ["a", "b", "c"].map((c, i) => ({ class: c, priority: i, share: 0.333333 }));
    priorities[2]!.share = 0.333334;
    expect(accepted(withQueue({ priorities })).queues[0]?.priorities).toHaveLength(3);
  });

  it("refuses duplicate class names", () => {
    const priorities = [
      { class: "high", priority: 9, share: 0.5 },
      { class: "high", priority: 1, share: 0.5 },
    ];
    expect(errorsOf(withQueue({ priorities }))).toEqual(['queues[0].priorities[1].class: duplicate class "high" (also priorities[0].class)']);
  });

  it('refuses discipline "priority" without priorities', () => {
    expect(errorsOf(withQueue({ discipline: "priority" }))).toEqual([
      'queues[0].discipline: "priority" needs "priorities": the classes with their priority and share',
    ]);
  });

  it("refuses a queue without consumers and without a ttl", () => {
    expect(errorsOf(withQueue({ consumers: 0 }))).toEqual([
      'queues[0].consumers: a queue with no consumers needs a "ttl" (its messages could never leave), got 0',
    ]);
  });

  it("refuses a scenario where no queue has an arrival process", () => {
    expect(errorsOf({ version: 1, queues: [sink("a"), sink("b")] })).toEqual([
      'queues: no queue has an arrival process (give at least one queue an "arrival")',
    ]);
  });

  it("accepts, without warnings, a queue that nothing can reach", () => {
    const result = okResult(parseScenario(withQueue({}, [sink("orphan")])));
    expect(result.warnings).toEqual([]);
  });

  it("warns about settings that have no effect", () => {
    const result = okResult(parseScenario(withQueue({ overflow: "drop-head", preemptive: true })));
    expect(result.warnings).toEqual([
      'queues[0].preemptive: has no effect without "priorities"',
      'queues[0].overflow: "drop-head" has no effect without a capacity',
    ]);
  });

  it("counts, without keeping, errors beyond the first thousand", () => {
    const routes = Array.from({ length: 1000 }, (_, j) => ({ to: `nowhere${j}`, probability: 0 }));
    const errors = errorsOf(withQueue({ routes }, [sink("b", { routes })]));
    expect(errors).toHaveLength(50);
    expect(errors[49]).toBe("... and 1951 more issues");
  });

  it("reports problems in every queue, not only the first", () => {
    const raw = withQueue({ routes: [{ to: "x", probability: 0.5 }] }, [sink("b", { deadLetter: "y" })]);
    expect(errorsOf(raw)).toEqual(['queues[0].routes[0].to: unknown queue "x"', 'queues[1].deadLetter: unknown queue "y"']);
  });
});
