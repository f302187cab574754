import { describe, expect, it } from "vitest";
import { erlang } from "../../../src/engine/random/index.ts";
import { checkSampler, gammaRawMoments } from "./checkSampler.ts";
import { countingSource, constantSource, expectThrows, jStat } from "./sampleStats.ts";

describe("erlang", () => {
  // Erlang-k with mean m is gamma(shape k, scale m / k).
  checkSampler({ spec: { dist: "erlang", k: 3, mean: 0.06 }, raw: gammaRawMoments(3, 0.02), cdf: (x) => jStat.gamma.cdf(x, 3, 0.02) });
  checkSampler({ spec: { dist: "erlang", k: 1, mean: 2 }, raw: gammaRawMoments(1, 2), cdf: (x) => 1 - Math.exp(-x / 2) });
  checkSampler({ spec: { dist: "erlang", k: 40, mean: 1 }, raw: gammaRawMoments(40, 1 / 40), cdf: (x) => jStat.gamma.cdf(x, 40, 1 / 40) });

  it("draws k uniforms per sample, and u = 0 everywhere gives +0", () => {
    const d = erlang({ k: 5, mean: 1 });
    const source = countingSource(constantSource(0));
    expect(Object.is(d.sample(source.random), 0)).toBe(true);
    expect(source.count()).toBe(5);
  });

  it("does not underflow with many phases", () => {
    // 2000 phases of uniforms near 1 - 1e-3: the product would underflow to 0 without folding.
    const d = erlang({ k: 2000, mean: 1 });
    const x = d.sample(constantSource(0.999));
    expect(x).toBeCloseTo(-Math.log(0.001), 9);
  });

  it("rejects a non-integer k", () => {
    expectThrows(() => erlang({ k: 2.5, mean: 1 }), RangeError, "service.k: expected an integer >= 1, got 2.5");
    expectThrows(() => erlang({ k: 0, mean: 1 }), RangeError, "service.k: expected an integer >= 1, got 0");
  });
});
