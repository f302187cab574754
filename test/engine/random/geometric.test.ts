import { describe, expect, it } from "vitest";
import { geometric } from "../../../src/engine/random/index.ts";
import { LARGEST_UNIFORM, SEED, constantSource, countingSource, draw, expectThrows, meanTolerance, summarize, varianceTolerance } from "./sampleStats.ts";
import { createStream } from "../../../src/engine/rng.ts";

describe("geometric", () => {
  const n = 200_000;
  const mean = 3;
  const p = 1 / mean;

  it("has pmf (1 - p)^(n-1) p on 1, 2, ..., mean 1/p and variance (1 - p) / p^2", () => {
    const d = geometric({ mean });
    expect(d.pmf(1)).toBeCloseTo(1 / 3, 15);
    expect(d.pmf(2)).toBeCloseTo(2 / 9, 15);
    expect(d.pmf(3)).toBeCloseTo(4 / 27, 15);
    expect([d.pmf(0), d.pmf(1.5)]).toEqual([0, 0]);
    expect(d.cdf!(3)).toBeCloseTo(1 / 3 + 2 / 9 + 4 / 27, 15);
    expect([d.mean, d.variance]).toEqual([3, 6]);
  });

  it("draws each of 1, 2, 3, 5 with its pmf (within 4 standard errors)", () => {
    const xs = draw(geometric({ mean }), "geometric", n);
    for (const k of [1, 2, 3, 5]) {
      const pk = (1 - p) ** (k - 1) * p;
      const share = xs.filter((x) => x === k).length / n;
      // Binomial standard error sqrt(pk (1 - pk) / n); 4 of them: false failure 6e-5.
      expect(Math.abs(share - pk)).toBeLessThan(4 * Math.sqrt((pk * (1 - pk)) / n));
    }
    expect(xs.every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
  });

  it("has a sample mean and variance within 4 standard errors", () => {
    const { mean: m, variance: v } = summarize(draw(geometric({ mean }), "geometric", n));
    // Fourth central moment sigma^4 (9 + p^2 / (1 - p)) from the excess kurtosis 6 + p^2 / (1 - p)
    // (Johnson, Kemp & Kotz, Univariate Discrete Distributions, 3rd ed., section 5.2).
    const variance = (1 - p) / (p * p);
    const mu4 = variance * variance * (9 + (p * p) / (1 - p));
    expect(Math.abs(m - mean)).toBeLessThan(meanTolerance(variance, n));
    expect(Math.abs(v - variance)).toBeLessThan(varianceTolerance(variance, mu4, n));
  });

  it("inverts one uniform: 1 at u = 0, finite at the largest uniform; mean 1 is always 1", () => {
    const d = geometric({ mean });
    const source = countingSource(constantSource(0));
    expect(d.sample(source.random)).toBe(1);
    expect(source.count()).toBe(1);
    expect(Number.isFinite(d.sample(constantSource(LARGEST_UNIFORM)))).toBe(true);
    const one = geometric({ mean: 1 });
    const random = createStream(SEED, "one");
    for (let i = 0; i < 100; i++) expect(one.sample(random)).toBe(1);
    expect([one.pmf(1), one.pmf(2), one.variance]).toEqual([1, 0, 0]);
  });

  it("rejects a mean below 1", () => {
    expectThrows(() => geometric({ mean: 0.5 }), RangeError, "size.mean: expected a number >= 1, got 0.5");
  });
});
