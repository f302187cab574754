import { describe, expect, it } from "vitest";
import { hyperexponential } from "../../../src/engine/random/index.ts";
import { checkSampler } from "./checkSampler.ts";
import { countingSource, constantSource, expectThrows } from "./sampleStats.ts";

/** Balanced-means H2 fit (Whitt 1982): phase probabilities and means. */
function balanced(mean: number, cv: number): { p: [number, number]; means: [number, number] } {
  const p1 = (1 + Math.sqrt((cv * cv - 1) / (cv * cv + 1))) / 2;
  return { p: [p1, 1 - p1], means: [mean / (2 * p1), mean / (2 * (1 - p1))] };
}

/** E[X^k] = sum_i p_i k! m_i^k for a mixture of exponentials. */
function h2Raw(mean: number, cv: number): [number, number, number, number] {
  const { p, means } = balanced(mean, cv);
  const m = (k: number, f: number) => p[0] * f * means[0] ** k + p[1] * f * means[1] ** k;
  return [m(1, 1), m(2, 2), m(3, 6), m(4, 24)];
}

function h2Cdf(mean: number, cv: number): (x: number) => number {
  const { p, means } = balanced(mean, cv);
  return (x) => 1 - p[0] * Math.exp(-x / means[0]) - p[1] * Math.exp(-x / means[1]);
}

describe("hyperexponential", () => {
  checkSampler({ spec: { dist: "hyperexponential", mean: 0.04, cv: 2 }, raw: h2Raw(0.04, 2), cdf: h2Cdf(0.04, 2) });
  checkSampler({ spec: { dist: "hyperexponential", mean: 1, cv: 1 }, raw: h2Raw(1, 1), cdf: (x) => 1 - Math.exp(-x) });

  it("has the requested cv and balanced means", () => {
    const d = hyperexponential({ mean: 3, cv: 4 });
    expect(d.variance / (d.mean * d.mean)).toBeCloseTo(16, 12);
  });

  it("draws one uniform per sample, and u = 0 gives +0", () => {
    const d = hyperexponential({ mean: 1, cv: 3 });
    const source = countingSource(constantSource(0.9));
    expect(d.sample(source.random)).toBeGreaterThan(0);
    expect(source.count()).toBe(1);
    expect(Object.is(d.sample(constantSource(0)), 0)).toBe(true);
  });

  it("rejects cv < 1 with the reason", () => {
    expectThrows(() => hyperexponential({ mean: 1, cv: 0.5 }), RangeError, "service.cv: hyperexponential needs cv >= 1, got 0.5");
    expectThrows(() => hyperexponential({ mean: 1, cv: NaN }), RangeError, "service.cv: hyperexponential needs cv >= 1, got NaN");
    expectThrows(() => hyperexponential({ mean: 1, cv: Infinity }), RangeError, "service.cv: expected a finite number >= 1, got Infinity");
  });
});
