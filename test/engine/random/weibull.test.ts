import { describe, expect, it } from "vitest";
import { weibull } from "../../../src/engine/random/index.ts";
import { checkSampler } from "./checkSampler.ts";
import { countingSource, constantSource, expectThrows, jStat } from "./sampleStats.ts";

/** Gamma(x) for x a positive integer or half-integer, exactly: (n-1)!, or (2n)! sqrt(pi) / (4^n n!). */
function gammaExact(x: number): number {
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  if (Number.isInteger(x)) return factorial(x - 1);
  const n = x - 0.5;
  return (factorial(2 * n) * Math.sqrt(Math.PI)) / (4 ** n * factorial(n));
}

/**
 * E[X^k] = scale^k Gamma(1 + k / shape) (Johnson, Kotz & Balakrishnan vol. 1, eq. 21.12), for
 * shapes (2 and 0.5) where the Gamma values are exact (jStat's gammafn is good to ~1e-9 only).
 */
function weibullRaw(shape: number, scale: number): [number, number, number, number] {
  const m = (k: number) => scale ** k * gammaExact(1 + k / shape);
  return [m(1), m(2), m(3), m(4)];
}

describe("weibull", () => {
  checkSampler({ spec: { dist: "weibull", shape: 0.5, scale: 0.2 }, raw: weibullRaw(0.5, 0.2), cdf: (x) => jStat.weibull.cdf(x, 0.2, 0.5) });
  checkSampler({ spec: { dist: "weibull", shape: 2, scale: 3 }, raw: weibullRaw(2, 3), cdf: (x) => jStat.weibull.cdf(x, 3, 2) });

  it("inverts with one uniform: scale (ln 2)^(1/shape) at u = 0.5, 0 at u = 0", () => {
    const d = weibull({ shape: 2, scale: 3 });
    const source = countingSource(constantSource(0.5));
    expect(d.sample(source.random)).toBeCloseTo(3 * Math.sqrt(Math.LN2), 13);
    expect(source.count()).toBe(1);
    expect(Object.is(d.sample(constantSource(0)), 0)).toBe(true);
  });

  it("reports an infinite variance, not NaN, when Gamma overflows", () => {
    expect(weibull({ shape: 0.003, scale: 1 }).variance).toBe(Infinity);
  });

  it("rejects a non-positive shape", () => {
    expectThrows(() => weibull({ shape: -1, scale: 1 }), RangeError, "service.shape: expected a number > 0, got -1");
  });
});
