import { describe, expect, it } from "vitest";
import { lognormal } from "../../../src/engine/random/index.ts";
import { checkSampler } from "./checkSampler.ts";
import { LARGEST_UNIFORM, countingSource, constantSource, expectThrows, jStat } from "./sampleStats.ts";

/** E[X^k] = exp(k mu + k^2 sigma^2 / 2) (Johnson, Kotz & Balakrishnan vol. 1, eq. 14.8). */
function lognormalRaw(mu: number, sigma: number): [number, number, number, number] {
  const m = (k: number) => Math.exp(k * mu + (k * k * sigma * sigma) / 2);
  return [m(1), m(2), m(3), m(4)];
}

// mean 0.05, cv 1.5: sigma^2 = ln(1 + 2.25), mu = ln(0.05) - sigma^2 / 2.
const SIGMA = Math.sqrt(Math.log(3.25));
const MU = Math.log(0.05) - Math.log(3.25) / 2;

describe("lognormal", () => {
  checkSampler({ spec: { dist: "lognormal", mean: 0.05, cv: 1.5 }, raw: lognormalRaw(MU, SIGMA), cdf: (x) => jStat.lognormal.cdf(x, MU, SIGMA) });
  checkSampler({ spec: { dist: "lognormal", mu: 1, sigma: 0.25 }, raw: lognormalRaw(1, 0.25), cdf: (x) => jStat.lognormal.cdf(x, 1, 0.25) });

  it("inverts with exactly one uniform: the median at u = 0.5, 0 at u = 0", () => {
    const d = lognormal({ mu: 1, sigma: 0.5 });
    const source = countingSource(constantSource(0.5));
    expect(d.sample(source.random)).toBeCloseTo(Math.E, 14);
    expect(source.count()).toBe(1);
    expect(d.sample(constantSource(0))).toBe(0);
    expect(Number.isFinite(d.sample(constantSource(LARGEST_UNIFORM)))).toBe(true);
  });

  it("accepts any finite mu and rejects a non-positive sigma", () => {
    expect(lognormal({ mu: -3, sigma: 1 }).mean).toBeCloseTo(Math.exp(-2.5), 14);
    expectThrows(() => lognormal({ mu: 0, sigma: 0 }), RangeError, "service.sigma: expected a number > 0, got 0");
    expectThrows(() => lognormal({ mu: NaN, sigma: 1 }), RangeError, "service.mu: expected a number, got NaN");
    expectThrows(() => lognormal({ mean: 1, cv: 1, mu: 0 }), TypeError, "service: lognormal takes mean + cv or mu + sigma, not both");
  });
});
