import { describe, expect, it } from "vitest";
import { RunningStats } from "../../src/stats/index.ts";
import { normal, uniform } from "./samples.ts";

function twoPass(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe("RunningStats", () => {
  it("matches the two-pass mean and variance on data with a large offset", () => {
    const u = uniform("running");
    const values = Array.from({ length: 10_000 }, () => 1e9 + normal(u));
    const stats = new RunningStats();
    for (const x of values) stats.add(x);
    // Oracle: two passes over x - 1e9, which is exact in floating point (Sterbenz lemma), so
    // only the small residuals are summed.
    const exact = twoPass(values.map((x) => x - 1e9));
    expect(stats.count).toBe(10_000);
    // Each of the 1e4 updates may round by half an ulp of 1e9 (6e-8): allow 1e4 * 6e-8.
    expect(Math.abs(stats.mean - (1e9 + exact.mean))).toBeLessThan(6e-4);
    // Welford's relative error grows like eps * kappa, kappa = |mean| / sd = 1e9 (Chan, Golub &
    // LeVeque 1983), about 1e-7 here; the textbook sum of squares (eps * kappa^2 = 1e2) loses
    // every digit.
    expect(Math.abs(stats.variance / exact.variance - 1)).toBeLessThan(1e-6);
    expect(stats.min).toBe(Math.min(...values));
    expect(stats.max).toBe(Math.max(...values));
  });

  it("gives the hand-computed figures for 2, 4, 4, 4, 5, 5, 7, 9", () => {
    // Hand: mean 5, sum of squared deviations 32, so variance 32/7 and population variance 4.
    const stats = new RunningStats();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) stats.add(x);
    expect(stats.mean).toBe(5);
    expect(stats.sum).toBe(40);
    expect(stats.variance).toBeCloseTo(32 / 7, 12);
    expect(stats.populationVariance).toBeCloseTo(4, 12);
    expect(stats.stdDev).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it("merging two accumulators equals one accumulator of all the values", () => {
    const u = uniform("running-merge");
    const a = new RunningStats();
    const b = new RunningStats();
    const whole = new RunningStats();
    for (let i = 0; i < 3000; i++) {
      const x = 10 + 3 * normal(u);
      (i < 1000 ? a : b).add(x);
      whole.add(x);
    }
    a.merge(b);
    a.merge(new RunningStats());
    expect(a.count).toBe(whole.count);
    expect(a.mean).toBeCloseTo(whole.mean, 12);
    expect(a.variance).toBeCloseTo(whole.variance, 10);
    expect([a.min, a.max]).toEqual([whole.min, whole.max]);
  });

  it("reports 0 for every figure when empty or cleared, and rejects NaN", () => {
    const stats = new RunningStats();
    expect([stats.mean, stats.variance, stats.min, stats.max]).toEqual([0, 0, 0, 0]);
    stats.add(4);
    expect(stats.variance).toBe(0);
    stats.clear();
    expect(stats.count).toBe(0);
    expect(() => stats.add(NaN)).toThrow(RangeError);
  });
});
