import { describe, expect, it } from "vitest";
import {
  createDistribution, createIntegerDistribution, distributionNames, integerDistributionNames,
  type DistributionSpec, type IntegerDistributionSpec,
} from "../../../src/engine/random/index.ts";
import { expectThrows } from "./sampleStats.ts";

const examples: DistributionSpec[] = [
  { dist: "exponential", mean: 0.03 },
  { dist: "deterministic", value: 0.03 },
  { dist: "uniform", min: 0.01, max: 0.05 },
  { dist: "erlang", k: 2, mean: 0.03 },
  { dist: "gamma", mean: 0.03, cv: 0.5 },
  { dist: "lognormal", mean: 0.03, cv: 1.5 },
  { dist: "weibull", shape: 1, scale: 0.03 },
  { dist: "hyperexponential", mean: 0.03, cv: 2 },
  { dist: "pareto", shape: 3, mean: 0.03 },
  { dist: "empirical", samples: [0.02, 0.03, 0.04] },
];

describe("createDistribution", () => {
  it("builds every distribution DESIGN.md lists, under its own name", () => {
    expect(examples.map((spec) => createDistribution(spec).name)).toEqual([...distributionNames]);
    for (const spec of examples) expect(createDistribution(spec).mean).toBeCloseTo(0.03, 12);
  });

  it("gives every distribution the same object shape (one hidden class for the engine)", () => {
    const keys = examples.map((spec) => Object.keys(createDistribution(spec)).join());
    expect(new Set(keys).size).toBe(1);
  });

  it.each([
    [{ dist: "exponential", mean: -2 }, RangeError, "service.mean: expected a number > 0, got -2"],
    [{ dist: "exponential", mean: NaN }, RangeError, "service.mean: expected a number > 0, got NaN"],
    [{ dist: "exponential", mean: Infinity }, RangeError, "service.mean: expected a finite number > 0, got Infinity"],
    [{ dist: "exponential", rate: 0 }, RangeError, "service.rate: expected a number > 0, got 0"],
    [{ dist: "exponential", mean: "abc" }, TypeError, 'service.mean: expected a number > 0, got "abc"'],
    [{ dist: "exponential", mean: null }, TypeError, "service.mean: expected a number > 0, got null"],
    [{ dist: "hyperexponential", mean: 1, cv: 0.5 }, RangeError, "service.cv: hyperexponential needs cv >= 1, got 0.5"],
    [{ dist: "gamma", mean: 1, cv: 0 }, RangeError, "service.cv: expected a number > 0, got 0"],
    [{ dist: "lognormal", mean: 1 }, TypeError, "service.cv: expected a number > 0, got undefined"],
    [{ dist: "erlang", k: 1.5, mean: 1 }, RangeError, "service.k: expected an integer >= 1, got 1.5"],
    [{ dist: "weibull", shape: 1, scale: -1 }, RangeError, "service.scale: expected a number > 0, got -1"],
    [{ dist: "uniform", min: 3, max: 1 }, RangeError, "service.max: expected a number > min (3), got 1"],
    [{ dist: "pareto", shape: 0, scale: 1 }, RangeError, "service.shape: expected a number > 0, got 0"],
    [{ dist: "deterministic", value: -0.5 }, RangeError, "service.value: expected a number >= 0, got -0.5"],
    [{ dist: "empirical", samples: "1,2" }, TypeError, 'service.samples: expected a non-empty array of numbers >= 0, got "1,2"'],
    [{ dist: "normal", mean: 1 }, TypeError, 'service.dist: expected one of exponential, deterministic, uniform, erlang, gamma, lognormal, weibull, hyperexponential, pareto, empirical, got "normal"'],
    [{ mean: 1 }, TypeError, "service.dist: expected one of exponential, deterministic, uniform, erlang, gamma, lognormal, weibull, hyperexponential, pareto, empirical, got undefined"],
    [42, TypeError, 'service: expected a distribution object like { "dist": "exponential", "mean": 1 }, got 42'],
  ] as const)("rejects %j with the field path and value", (spec, kind, message) => {
    expectThrows(() => createDistribution(spec as unknown as DistributionSpec), kind, message);
  });

  it("puts the caller's path in front of the field", () => {
    const spec = { dist: "exponential", mean: -2 } as const;
    expectThrows(() => createDistribution(spec, "queues[1].service"), RangeError, "queues[1].service.mean: expected a number > 0, got -2");
    expectThrows(() => createDistribution({ dist: "empirical", samples: [1, -1] }, "ttl"), RangeError, "ttl.samples[1]: expected a number >= 0, got -1");
  });

  it("cuts long values short in messages", () => {
    const samples = Array.from({ length: 100 }, () => "x");
    let message = "";
    try {
      createDistribution({ dist: "deterministic", value: samples as unknown as number });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.length).toBeLessThan(120);
    expect(message.endsWith('..."')).toBe(false);
    expect(message.endsWith("...")).toBe(true);
  });
});

describe("createIntegerDistribution", () => {
  const integerExamples: IntegerDistributionSpec[] = [
    { dist: "geometric", mean: 2 },
    { dist: "deterministic", value: 2 },
    { dist: "empirical", samples: [1, 3] },
  ];

  it("builds every integer distribution, each with mean 2", () => {
    expect(integerExamples.map((spec) => createIntegerDistribution(spec).name)).toEqual([...integerDistributionNames]);
    for (const spec of integerExamples) expect(createIntegerDistribution(spec).mean).toBe(2);
  });

  it.each([
    [{ dist: "geometric", mean: 0.5 }, RangeError, "size.mean: expected a number >= 1, got 0.5"],
    [{ dist: "deterministic", value: 1.5 }, RangeError, "size.value: expected an integer >= 1, got 1.5"],
    [{ dist: "empirical", samples: [2, 0] }, RangeError, "size.samples[1]: expected an integer >= 1, got 0"],
    [{ dist: "exponential", mean: 1 }, TypeError, 'size.dist: expected one of geometric, deterministic, empirical, got "exponential"'],
  ] as const)("rejects %j with the field path and value", (spec, kind, message) => {
    expectThrows(() => createIntegerDistribution(spec as unknown as IntegerDistributionSpec), kind, message);
  });
});
