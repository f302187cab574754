import { describe, expect, it } from "vitest";
import { exponential } from "../../../src/engine/random/index.ts";
import { checkSampler, gammaRawMoments } from "./checkSampler.ts";
import { LARGEST_UNIFORM, constantSource, expectThrows } from "./sampleStats.ts";

describe("exponential", () => {
  // E[X^k] = k! mean^k: the gamma moments with shape 1.
  checkSampler({ spec: { dist: "exponential", mean: 0.5 }, raw: gammaRawMoments(1, 0.5), cdf: (x) => 1 - Math.exp(-x / 0.5) });
  checkSampler({ spec: { dist: "exponential", rate: 4 }, raw: gammaRawMoments(1, 0.25), cdf: (x) => 1 - Math.exp(-4 * x) });

  it("inverts -mean ln(1 - u): u = 0 gives +0, the largest uniform stays finite", () => {
    const d = exponential({ mean: 2 });
    expect(Object.is(d.sample(constantSource(0)), 0)).toBe(true);
    expect(d.sample(constantSource(0.5))).toBeCloseTo(2 * Math.LN2, 14);
    // -2 ln(2^-32) = 64 ln 2
    expect(d.sample(constantSource(LARGEST_UNIFORM))).toBeCloseTo(64 * Math.LN2, 9);
  });

  it("rejects both mean and rate, or neither", () => {
    expectThrows(() => exponential({ mean: 1, rate: 1 }), TypeError, "service: exponential takes mean or rate, not both");
    expectThrows(() => exponential({}), TypeError, "service: exponential needs mean or rate");
  });
});
