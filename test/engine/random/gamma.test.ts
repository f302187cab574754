import fc from "fast-check";
import { describe, it } from "vitest";
import { gamma } from "../../../src/engine/random/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { checkSampler, gammaRawMoments } from "./checkSampler.ts";
import { expectThrows, jStat } from "./sampleStats.ts";

describe("gamma", () => {
  // mean + cv: shape 1 / cv^2, scale mean cv^2.
  checkSampler({ spec: { dist: "gamma", mean: 0.1, cv: 0.5 }, raw: gammaRawMoments(4, 0.025), cdf: (x) => jStat.gamma.cdf(x, 4, 0.025) });
  // cv 2: shape 0.25 < 1, the boosted path of Marsaglia & Tsang.
  checkSampler({ spec: { dist: "gamma", mean: 1, cv: 2 }, raw: gammaRawMoments(0.25, 4), cdf: (x) => jStat.gamma.cdf(x, 0.25, 4) });
  checkSampler({ spec: { dist: "gamma", shape: 2.5, scale: 3 }, raw: gammaRawMoments(2.5, 3), cdf: (x) => jStat.gamma.cdf(x, 2.5, 3) });
  checkSampler({ spec: { dist: "gamma", shape: 1, scale: 0.5 }, raw: gammaRawMoments(1, 0.5), cdf: (x) => 1 - Math.exp(-x / 0.5) });

  it("never draws NaN, a negative or an infinite number, for any shape and seed", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 1000, noNaN: true }), fc.integer(), (shape, seed) => {
        const d = gamma({ shape, scale: 1 });
        const random = createStream(seed, "gamma");
        for (let i = 0; i < 50; i++) {
          const x = d.sample(random);
          if (!(x >= 0 && x < Infinity)) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("rejects mixing the two parametrisations and a missing half", () => {
    expectThrows(() => gamma({ mean: 1, cv: 1, shape: 2 }), TypeError, "service: gamma takes mean + cv or shape + scale, not both");
    expectThrows(() => gamma({}), TypeError, "service: gamma needs mean + cv or shape + scale");
    expectThrows(() => gamma({ mean: 1 }), TypeError, "service.cv: expected a number > 0, got undefined");
    expectThrows(() => gamma({ shape: 2, scale: 0 }), RangeError, "service.scale: expected a number > 0, got 0");
  });
});
