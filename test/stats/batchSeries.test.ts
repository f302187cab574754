import { describe, expect, it } from "vitest";
import { BatchSeries } from "../../src/stats/index.ts";
import { uniform } from "./samples.ts";

describe("BatchSeries", () => {
  it("merges adjacent pairs and doubles the batch size when full (hand trace)", () => {
    const series = new BatchSeries({ maxBatches: 4 });
    for (let x = 1; x <= 9; x++) series.add(x);
    // 1..4 fill four batches of 1; 5 completes a fifth, so pairs merge to (1+2, 3+4) with
    // 5 opening a batch of 2; then (5+6), (7+8); 9 is open.
    expect(series.batchSize).toBe(2);
    expect(Array.from(series.means())).toEqual([1.5, 3.5, 5.5, 7.5]);
    expect(series.count).toBe(9);
    expect(series.mean).toBe(5);
    series.add(10);
    expect(series.batchSize).toBe(4);
    expect(Array.from(series.sums())).toEqual([10, 26]);
    expect(series.mean).toBe(5.5);
  });

  it("keeps the overall mean exact and the memory bounded over 1e6 observations", () => {
    const u = uniform("batch-series");
    const series = new BatchSeries();
    const bytes = series.byteLength;
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = 100 * u();
      sum += x;
      series.add(x);
    }
    // Same additions in the same order as the loop above: bit-for-bit equal.
    expect(series.sum).toBe(sum);
    expect(series.mean).toBe(sum / 1_000_000);
    expect(series.byteLength).toBe(bytes);
    expect(series.batchCount).toBeLessThanOrEqual(1024);
    expect(series.batchCount).toBeGreaterThan(512);
    // 1e6 / 1024 = 977 per batch at least, and the size stays a power of 2: 1024.
    expect(series.batchSize).toBe(1024);
    const weights = series.weights();
    expect(weights.every((w) => w === series.batchSize)).toBe(true);
    // The closed batches plus the open one hold every observation: merging lost nothing.
    const closedSum = series.sums().reduce((a, b) => a + b, 0);
    const open = series.count - series.batchCount * series.batchSize;
    expect(open).toBeGreaterThanOrEqual(0);
    expect(open).toBeLessThan(series.batchSize);
    expect(closedSum).toBeLessThanOrEqual(sum * (1 + 1e-12));
    expect(sum - closedSum).toBeLessThanOrEqual(100 * open);
  });

  it("weights pre-aggregated units, as for a time average", () => {
    const series = new BatchSeries({ maxBatches: 2, batchSize: 2 });
    // Queue length 2 for 3 s, 0 for 1 s, then 4 for 2 s and 1 for 2 s.
    series.addBatch(6, 3);
    series.addBatch(0, 1);
    series.addBatch(8, 2);
    series.addBatch(2, 2);
    expect(Array.from(series.means())).toEqual([1.5, 2.5]);
    expect(series.weight).toBe(8);
    expect(series.mean).toBe(2);
  });

  it("starts over on clear and rejects bad options and values", () => {
    const series = new BatchSeries({ maxBatches: 2, batchSize: 5 });
    for (let i = 0; i < 30; i++) series.add(i);
    series.clear();
    expect([series.count, series.batchCount, series.batchSize, series.mean]).toEqual([0, 0, 5, 0]);
    expect(() => new BatchSeries({ maxBatches: 3 })).toThrow(/maxBatches: 3/);
    expect(() => new BatchSeries({ batchSize: 0 })).toThrow(/batchSize: 0/);
    expect(() => series.add(Infinity)).toThrow(RangeError);
    expect(() => series.addBatch(1, 0)).toThrow(/weight: 0/);
  });
});
