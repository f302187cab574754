import { describe, expect, it } from "vitest";
import { pareto } from "../../../src/engine/random/index.ts";
import { checkSampler } from "./checkSampler.ts";
import { countingSource, constantSource, expectThrows, jStat } from "./sampleStats.ts";

/** E[X^k] = shape scale^k / (shape - k) for shape > k, else Infinity (type I Pareto). */
function paretoRaw(shape: number, scale: number): [number, number, number, number] {
  const m = (k: number) => (shape > k ? (shape * scale ** k) / (shape - k) : Infinity);
  return [m(1), m(2), m(3), m(4)];
}

describe("pareto", () => {
  checkSampler({ spec: { dist: "pareto", shape: 5, scale: 0.01 }, raw: paretoRaw(5, 0.01), cdf: (x) => jStat.pareto.cdf(x, 0.01, 5) });
  // shape + mean 2, shape 2.5: scale = 2 (2.5 - 1) / 2.5 = 1.2. The variance is finite but
  // not its estimator's (no fourth moment), so only the mean is checked by moments.
  checkSampler({ spec: { dist: "pareto", shape: 2.5, mean: 2 }, raw: paretoRaw(2.5, 1.2), cdf: (x) => jStat.pareto.cdf(x, 1.2, 2.5) });
  // shape 1.5: infinite variance, so only the KS check applies.
  checkSampler({ spec: { dist: "pareto", shape: 1.5, scale: 1 }, raw: paretoRaw(1.5, 1), cdf: (x) => jStat.pareto.cdf(x, 1, 1.5) });

  it("starts its support at scale (not Lomax) and inverts with one uniform", () => {
    const d = pareto({ shape: 2, scale: 3 });
    const source = countingSource(constantSource(0));
    expect(d.sample(source.random)).toBe(3);
    expect(source.count()).toBe(1);
    expect(d.sample(constantSource(0.75))).toBeCloseTo(6, 13);
    expect(d.cdf!(3)).toBe(0);
  });

  it("has an infinite mean for shape <= 1", () => {
    expect(pareto({ shape: 1, scale: 1 }).mean).toBe(Infinity);
    expect(pareto({ shape: 1, scale: 1 }).variance).toBe(Infinity);
  });

  it("rejects shape <= 1 with a mean, and both scale and mean", () => {
    expectThrows(() => pareto({ shape: 0.8, mean: 1 }), RangeError, "service.shape: pareto with a mean needs shape > 1, got 0.8");
    expectThrows(() => pareto({ shape: 2, mean: 1, scale: 1 }), TypeError, "service: pareto takes shape + scale or shape + mean, not both");
    expectThrows(() => pareto({ shape: 2 }), TypeError, "service: pareto needs scale or mean (with shape)");
  });
});
