import { describe, expect, it } from "vitest";
import { BatchSeries, mserTruncation } from "../../src/stats/index.ts";
import { normal, uniform } from "./samples.ts";

const SEEDS = ["m0", "m1", "m2", "m3", "m4"];

/** MSER-5 as the engine runs it: batches of 5 observations in a BatchSeries. */
function mser5(seed: string, signal: (t: number) => number, n: number): { cut: number; detected: boolean; n: number } {
  const u = uniform(seed);
  const series = new BatchSeries({ batchSize: 5 });
  for (let t = 0; t < n; t++) series.add(signal(t) + normal(u));
  const { index, detected } = mserTruncation(series.means());
  return { cut: index * series.batchSize, detected, n: series.batchCount * series.batchSize };
}

describe("mserTruncation", () => {
  it("truncates a decaying transient near its end", () => {
    // 200 observations falling linearly from 10 to 0, then 5000 stationary, unit noise.
    // The bias 10 (1 - t/200) drops below the noise (sd 1) at t = 180, and MSER weighs the
    // remaining bias against the variance of a shorter mean, so the cut belongs near 200; over
    // 200 seeds it ranged 180..300 (batches of 10 after the series doubled), hence the window.
    for (const seed of SEEDS) {
      const { cut, detected } = mser5(seed, (t) => (t < 200 ? 10 * (1 - t / 200) : 0), 5200);
      expect(detected).toBe(true);
      expect(cut).toBeGreaterThanOrEqual(150);
      expect(cut).toBeLessThanOrEqual(350);
    }
  });

  it("truncates little or nothing from a stationary series", () => {
    // Over 200 seeds the cut was at most 75 of 5000 observations (median 0): allow 2%.
    for (const seed of SEEDS) {
      const { cut, detected, n } = mser5(seed, () => 0, 5000);
      expect(detected).toBe(true);
      expect(cut).toBeLessThanOrEqual(0.02 * n);
    }
  });

  it("reports no detection for a series that trends to the end", () => {
    // Rising 0 to 50 with unit noise: the statistic keeps falling as more is cut, so the
    // minimum sits at the n/2 boundary (0 of 1000 seeds detected at this slope).
    for (const seed of SEEDS) expect(mser5(seed, (t) => t / 100, 5000).detected).toBe(false);
  });

  it("computes the statistic of the hand-worked example", () => {
    // x = 10, 0, 0, 0: d = 0 gives SSE 75 / 16 = 4.6875; d = 1 gives 0 / 9; d = 2 (= n/2) gives 0 / 4.
    // The minimum 0 is first reached at d = 1, inside the boundary.
    expect(mserTruncation([10, 0, 0, 0])).toEqual({ index: 1, detected: true, statistic: 0 });
  });

  it("treats a constant series as needing no truncation", () => {
    expect(mserTruncation(new Float64Array(100).fill(3))).toEqual({ index: 0, detected: true, statistic: 0 });
  });

  it("reports no detection when there are fewer than 2 batches", () => {
    expect(mserTruncation([])).toEqual({ index: 0, detected: false, statistic: 0 });
    expect(mserTruncation([4]).detected).toBe(false);
    expect(() => mserTruncation([1, NaN, 2])).toThrow(/batchMeans\[1\]/);
  });
});
