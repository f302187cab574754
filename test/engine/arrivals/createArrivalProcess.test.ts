import { describe, expect, it } from "vitest";
import { arrivalProcessNames, createArrivalProcess, type ArrivalSpec } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { expectThrows } from "../random/sampleStats.ts";

const examples: ArrivalSpec[] = [
  { process: "poisson", rate: 4 },
  { process: "renewal", interarrival: { dist: "erlang", k: 2, mean: 0.25 } },
  { process: "batch", rate: 2, size: { dist: "deterministic", value: 2 } },
  { process: "mmpp", states: [{ rate: 6 }, { rate: 2 }], switch: [[0, 1], [1, 0]] },
  { process: "profile", steps: [{ from: 0, rate: 8 }, { from: 5, rate: 0 }], period: 10 },
  { process: "trace", times: [0.25, 0.5, 0.75, 1] },
];

describe("createArrivalProcess", () => {
  it("builds every process DESIGN.md lists; each here averages 4 messages a second", () => {
    expect(examples.map((spec) => spec.process)).toEqual([...arrivalProcessNames]);
    for (const spec of examples) expect(createArrivalProcess(spec, createStream(1, spec.process)).meanRate).toBeCloseTo(4, 12);
  });

  it("gives the same epochs for the same seed and stream, for every process", () => {
    for (const spec of examples) {
      const a = createArrivalProcess(spec, createStream(3, "r0/arrivals:q"));
      const b = createArrivalProcess(spec, createStream(3, "r0/arrivals:q"));
      for (let i = 0; i < 200; i++) {
        expect(a.next()).toBe(b.next());
        expect(a.batchSize).toBe(b.batchSize);
      }
    }
  });

  it("produces never-decreasing epochs for every process", () => {
    for (const spec of examples) {
      const process = createArrivalProcess(spec, createStream(3, "order"));
      let previous = 0;
      for (let i = 0; i < 10_000; i++) {
        const t = process.next();
        expect(t).toBeGreaterThanOrEqual(previous);
        previous = t;
      }
    }
  });

  it("rejects an unknown process or a non-object, and prefixes the caller's path", () => {
    const r = createStream(1, "e");
    expectThrows(() => createArrivalProcess({ process: "burst" } as unknown as ArrivalSpec, r), TypeError, 'arrival.process: expected one of poisson, renewal, batch, mmpp, profile, trace, got "burst"');
    expectThrows(() => createArrivalProcess(null as unknown as ArrivalSpec, r), TypeError, 'arrival: expected an arrival object like { "process": "poisson", "rate": 5 }, got null');
    expectThrows(
      () => createArrivalProcess({ process: "mmpp", states: [{ rate: 1 }, { rate: 2 }], switch: [[0, 1], [-1, 0]] }, r, "queues[2].arrival"),
      RangeError,
      "queues[2].arrival.switch[1][0]: expected a number >= 0, got -1",
    );
  });
});
