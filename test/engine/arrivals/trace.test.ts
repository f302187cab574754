import { describe, expect, it } from "vitest";
import { trace } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { expectThrows } from "../random/sampleStats.ts";

const random = createStream(1, "unused");

describe("trace arrivals", () => {
  it("replays exactly its times, duplicates included, then Infinity", () => {
    const times = [0.1, 0.30000000000000004, 0.30000000000000004, 2.5, 1e9 + 0.125];
    const process = trace({ times }, random);
    expect(Array.from({ length: 7 }, () => process.next())).toEqual([...times, Infinity, Infinity]);
    expect(process.batchSize).toBe(1);
  });

  it("has mean rate (count - 1) / span: gaps per second while the trace runs", () => {
    expect(trace({ times: [10, 11, 12, 14] }, random).meanRate).toBe(0.75);
    expect(trace({ times: [0.25, 0.5, 0.75, 1] }, random).meanRate).toBe(4);
    expect(trace({ times: [] }, random).meanRate).toBe(0);
    expect(trace({ times: [3, 3] }, random).meanRate).toBe(0);
  });

  it("copies its times, so later edits to the array do not leak in", () => {
    const times = [1, 2];
    const process = trace({ times }, random);
    times[0] = 5;
    expect(process.next()).toBe(1);
  });

  it("rejects a trace given only as a file, telling to load it first", () => {
    expectThrows(
      () => trace({ file: "arrivals.csv" }, random, "queues[0].arrival"),
      TypeError,
      'queues[0].arrival.file: a trace file must be loaded first and its times passed as queues[0].arrival.times (parseTraceText does it), got file "arrivals.csv"',
    );
  });

  it("names the first bad or descending time", () => {
    expectThrows(() => trace({ times: [1, 2, 1.5] }, random), RangeError, "arrival.times[2]: times must be ascending, got 1.5 after 2");
    expectThrows(() => trace({ times: [1, NaN] }, random), RangeError, "arrival.times[1]: expected a number >= 0, got NaN");
    expectThrows(() => trace({ times: [-1] }, random), RangeError, "arrival.times[0]: expected a number >= 0, got -1");
    expectThrows(() => trace({}, random), TypeError, "arrival.times: expected an array of arrival times, got undefined");
  });
});
