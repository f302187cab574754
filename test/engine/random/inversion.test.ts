// Properties of the samplers that invert one uniform per draw: what keeps common random numbers
// aligned when a user switches distributions or moves a slider.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDistribution, createIntegerDistribution, type Distribution } from "../../../src/engine/random/index.ts";
import { LARGEST_UNIFORM, constantSource, countingSource } from "./sampleStats.ts";

const inverted: [string, Distribution][] = [
  ["exponential", createDistribution({ dist: "exponential", mean: 2 })],
  ["uniform", createDistribution({ dist: "uniform", min: 1, max: 4 })],
  ["weibull", createDistribution({ dist: "weibull", shape: 0.6, scale: 2 })],
  ["pareto", createDistribution({ dist: "pareto", shape: 1.2, scale: 0.5 })],
  ["lognormal", createDistribution({ dist: "lognormal", mean: 1, cv: 3 })],
  ["empirical", createDistribution({ dist: "empirical", samples: [3, 1, 2, 2] })],
  ["geometric", createIntegerDistribution({ dist: "geometric", mean: 4 })],
  ["empirical integer", createIntegerDistribution({ dist: "empirical", samples: [3, 1, 2] })],
];
const uniforms = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((k) => k / 2 ** 32);

describe.each(inverted)("%s (inversion)", (_name, dist) => {
  it("draws exactly one uniform per sample", () => {
    const source = countingSource(constantSource(0.37));
    for (let i = 0; i < 10; i++) dist.sample(source.random);
    expect(source.count()).toBe(10);
  });

  it("is non-decreasing in u", () => {
    fc.assert(fc.property(uniforms, uniforms, (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return dist.sample(constantSource(lo)) <= dist.sample(constantSource(hi));
    }));
  });

  it("gives a finite number >= 0 for every uniform alea can return, 0 and 1 - 2^-32 included", () => {
    for (const u of [0, 2 ** -32, 0.5, LARGEST_UNIFORM]) {
      const x = dist.sample(constantSource(u));
      expect(x >= 0 && x < Infinity).toBe(true);
    }
    fc.assert(fc.property(uniforms, (u) => {
      const x = dist.sample(constantSource(u));
      return x >= 0 && x < Infinity;
    }));
  });

  it("agrees with its own cdf: F(sample(u)) >= u", () => {
    fc.assert(fc.property(uniforms, (u) => dist.cdf!(dist.sample(constantSource(u))) >= u - 1e-12));
  });
});

describe("hyperexponential (one uniform, phase then inversion)", () => {
  const dist = createDistribution({ dist: "hyperexponential", mean: 1, cv: 5 });
  it("draws one uniform per sample and stays finite and >= 0", () => {
    const source = countingSource(constantSource(LARGEST_UNIFORM));
    const x = dist.sample(source.random);
    expect(source.count()).toBe(1);
    expect(x >= 0 && x < Infinity).toBe(true);
    fc.assert(fc.property(uniforms, (u) => {
      const y = dist.sample(constantSource(u));
      return y >= 0 && y < Infinity;
    }));
  });
});
