import { describe, expect, it } from "vitest";
import { lnGamma, regularizedGammaP } from "../../../src/engine/random/gammaFunctions.ts";
import { jStat } from "./sampleStats.ts";

describe("lnGamma", () => {
  it("gives exact factorials and Gamma(1/2) = sqrt(pi)", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(lnGamma(171)).toBeCloseTo(706.5730622457876, 9); // ln(170!), summed term by term
    expect(lnGamma(0)).toBeNaN();
  });
});

describe("regularizedGammaP", () => {
  it("is the exponential cdf for shape 1 and the Erlang sum for integer shape", () => {
    for (const x of [0.01, 0.5, 1, 3, 20]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
      // P(3, x) = 1 - e^-x (1 + x + x^2 / 2)
      expect(regularizedGammaP(3, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x + (x * x) / 2), 13);
    }
  });

  it("agrees with jStat's lowRegGamma on both sides of x = a + 1", () => {
    for (const a of [0.1, 0.5, 2.5, 40, 1000]) {
      for (const f of [0.2, 0.9, 1, 1.1, 3]) {
        expect(Math.abs(regularizedGammaP(a, a * f) - jStat.lowRegGamma(a, a * f))).toBeLessThan(1e-9);
      }
    }
  });

  it("is 0 at 0, 1 at Infinity, NaN for a bad shape", () => {
    expect([regularizedGammaP(2, 0), regularizedGammaP(2, -1), regularizedGammaP(2, Infinity)]).toEqual([0, 0, 1]);
    expect(regularizedGammaP(0, 1)).toBeNaN();
  });
});
