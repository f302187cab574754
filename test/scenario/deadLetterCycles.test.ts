import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/index.ts";
import { deadLetterCycles } from "../../src/scenario/deadLetterCycles.ts";
import { errorsOf, sink, withQueue } from "./helpers.ts";

describe("dead-letter cycles", () => {
  it("accepts the retry pattern: work -> delay queue without consumers -> back to work", () => {
    const raw = withQueue(
      { failure: { probability: 0.1, requeue: false, maxDeliveries: 4 }, deadLetter: "delay" },
      [sink("delay", { consumers: 0, ttl: 5, deadLetter: "orders" })],
    );
    expect(parseScenario(raw).ok).toBe(true);
  });

  it("accepts a queue whose expired messages go back to itself while consumers take the rest", () => {
    expect(parseScenario(withQueue({ ttl: 1, deadLetter: "orders" })).ok).toBe(true);
  });

  it("refuses a delay queue without consumers that dead-letters to itself", () => {
    const raw = withQueue({}, [sink("parking", { consumers: 0, ttl: 5, deadLetter: "parking" })]);
    expect(errorsOf(raw)).toEqual(['queues[1].deadLetter: dead-letter cycle "parking" -> "parking" has no consumers: its messages could never leave']);
  });

  it("refuses a cycle of consumer-less queues, reported once at its first queue in file order", () => {
    const raw = withQueue({ deadLetter: "a" }, [
      sink("b", { consumers: 0, ttl: 1, deadLetter: "c" }),
      sink("a", { consumers: 0, ttl: 1, deadLetter: "b" }),
      sink("c", { consumers: 0, ttl: 1, deadLetter: "a" }),
    ]);
    expect(errorsOf(raw)).toEqual(['queues[1].deadLetter: dead-letter cycle "b" -> "c" -> "a" -> "b" has no consumers: its messages could never leave']);
  });

  it("refuses a trap even when a capacity would refuse some publishes (a loss is not a way out)", () => {
    const raw = withQueue({ deadLetter: "a" }, [
      sink("a", { consumers: 0, ttl: 1, capacity: 10, deadLetter: "b" }),
      sink("b", { consumers: 0, ttl: 1, deadLetter: "a" }),
    ]);
    expect(errorsOf(raw)).toHaveLength(1);
  });

  it("refuses a retry loop whose work queue nacks every delivery with no delivery limit", () => {
    const raw = withQueue(
      { failure: { probability: 1, requeue: false }, deadLetter: "delay" },
      [sink("delay", { consumers: 0, ttl: 5, deadLetter: "orders" })],
    );
    expect(errorsOf(raw)).toEqual([
      'queues[0].deadLetter: dead-letter cycle "orders" -> "delay" -> "orders" has no way out: queues[0] nacks every delivery (failure.probability 1, no maxDeliveries) and the others have no consumers: its messages could never leave',
    ]);
  });

  it("accepts that loop with a delivery limit, which the delivery count reaches across the hops", () => {
    const raw = withQueue(
      { failure: { probability: 1, requeue: false, maxDeliveries: 3 }, deadLetter: "delay" },
      [sink("delay", { consumers: 0, ttl: 5, deadLetter: "orders" })],
    );
    expect(parseScenario(raw).ok).toBe(true);
  });

  it("finds each cycle of a functional graph once, and nothing in chains", () => {
    // 0 -> 1 -> 2 -> 1 (cycle 1,2); 3 -> 3 (self-loop); 4 -> 0 (chain into the cycle); 5 ends.
    expect(deadLetterCycles([1, 2, 1, 3, 0, undefined])).toEqual([[1, 2], [3]]);
    expect(deadLetterCycles([undefined, 0, 1])).toEqual([]);
  });
});
