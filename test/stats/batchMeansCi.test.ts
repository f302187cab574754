import { describe, expect, it } from "vitest";
import { BatchSeries, batchMeansCi } from "../../src/stats/index.ts";
import { normal, uniform } from "./samples.ts";

describe("batchMeansCi", () => {
  it("regroups 40 batch means into 20 equal batches (hand-computed)", () => {
    // Group means 1.5, 3.5, ..., 39.5: mean 20.5, sd 2 sqrt(35) (sample variance of 0..19 is
    // 20 * 21 / 12 = 35), so s / sqrt(20) = 2 sqrt(1.75); t(0.975, 19) = 2.093 (Law & Kelton T.1).
    const means = Array.from({ length: 40 }, (_, i) => i + 1);
    const result = batchMeansCi(means);
    expect(result.batches).toBe(20);
    expect(result.mean).toBe(20.5);
    expect(result.ci95).toBeCloseTo(2.093 * 2 * Math.sqrt(1.75), 3);
  });

  it("drops the oldest leftover batches so the groups are equal", () => {
    // 45 means, k = 20, g = 2: the first 5 are dropped; the rest (6..45) average 25.5.
    const means = Array.from({ length: 45 }, (_, i) => i + 1);
    expect(batchMeansCi(means)).toMatchObject({ mean: 25.5, batches: 20 });
    // skipBatches discards a warm-up first: 26..45 remain, k = 10 groups of 2, average 35.5.
    expect(batchMeansCi(means, 10, { skipBatches: 25 })).toMatchObject({ mean: 35.5, batches: 10 });
  });

  it("regroups a BatchSeries by weight", () => {
    const series = new BatchSeries({ maxBatches: 4 });
    series.addBatch(10, 1);
    series.addBatch(30, 3);
    series.addBatch(0, 1);
    series.addBatch(20, 4);
    // Two groups: (10 + 30) / 4 = 10 and (0 + 20) / 5 = 4; the point estimate is 60 / 9.
    const result = batchMeansCi(series, 2);
    expect(result.batches).toBe(2);
    expect(result.mean).toBeCloseTo(60 / 9, 12);
    // Hand: sd of (10, 4) is 3 sqrt(2), / sqrt(2) = 3; t(0.975, 1) = 12.706 (Law & Kelton T.1).
    expect(result.ci95).toBeCloseTo(12.706 * 3, 2);
  });

  it("covers the true mean of i.i.d. normal data about 95% of the time", () => {
    // 200 replications of 2000 N(5, 2^2) observations, 20 batches each. Coverage is
    // Binomial(200, 0.95)/200 if the intervals are right: standard error sqrt(0.95 * 0.05 / 200)
    // = 0.0154, so [0.90, 0.99] is the nominal 0.95 minus 3.2 and plus 2.6 standard errors.
    let covered = 0;
    for (let r = 0; r < 200; r++) {
      const u = uniform(`coverage-${r}`);
      const series = new BatchSeries();
      for (let i = 0; i < 2000; i++) series.add(5 + 2 * normal(u));
      const { mean, ci95, batches } = batchMeansCi(series);
      expect(batches).toBe(20);
      if (Math.abs(mean - 5) <= ci95) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
    expect(covered / 200).toBeLessThanOrEqual(0.99);
  });

  it("reports a zero half-width with fewer than 2 batches, and the running mean with none", () => {
    expect(batchMeansCi([3])).toEqual({ mean: 3, ci95: 0, batches: 1 });
    const series = new BatchSeries({ batchSize: 10 });
    series.add(4);
    expect(batchMeansCi(series)).toEqual({ mean: 4, ci95: 0, batches: 0 });
    expect(() => batchMeansCi([1, 2], 1)).toThrow(/targetBatches: 1/);
  });
});
