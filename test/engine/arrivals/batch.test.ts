import { describe, expect, it } from "vitest";
import { batch } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { expectThrows } from "../random/sampleStats.ts";
import { collectArrivals, countTolerance } from "./collectArrivals.ts";

describe("batch arrivals", () => {
  it("brings geometric batches of mean 3 at 10 batches a second: 30 messages a second", () => {
    const process = batch({ rate: 10, size: { dist: "geometric", mean: 3 } }, createStream(1, "batch"));
    expect(process.meanRate).toBe(30);
    expect(process.interarrivalScv).toBeUndefined();
    const horizon = 5000;
    const { epochs, sizes, messages, ordered } = collectArrivals(process, horizon);
    expect(ordered).toBe(true);
    // Batches: Poisson(rate T = 50000).
    expect(Math.abs(epochs.length - 10 * horizon)).toBeLessThan(countTolerance(10 * horizon));
    // Mean size: standard error sqrt(variance / batches), variance (1 - p) / p^2 = 6.
    const meanSize = messages / sizes.length;
    expect(Math.abs(meanSize - 3)).toBeLessThan(4 * Math.sqrt(6 / sizes.length));
    // Messages form a compound Poisson sum: variance rate T E[S^2] = 50000 x (6 + 9).
    expect(Math.abs(messages - 30 * horizon)).toBeLessThan(countTolerance(10 * horizon * 15));
    expect(sizes.every((s) => Number.isInteger(s) && s >= 1)).toBe(true);
  });

  it("reports the size of the epoch last returned", () => {
    const process = batch({ rate: 1, size: { dist: "deterministic", value: 4 } }, createStream(1, "fixed"));
    expect(process.next()).toBeGreaterThan(0);
    expect(process.batchSize).toBe(4);
  });

  it("with rate 0 never produces an arrival", () => {
    expect(batch({ rate: 0, size: { dist: "geometric", mean: 2 } }, createStream(1, "none")).next()).toBe(Infinity);
  });

  it("names the size field in errors", () => {
    expectThrows(() => batch({ rate: 1, size: { dist: "geometric", mean: 0 } }, createStream(1, "x")), RangeError, "arrival.size.mean: expected a number >= 1, got 0");
    expectThrows(() => batch({ rate: -1, size: { dist: "geometric", mean: 2 } }, createStream(1, "x")), RangeError, "arrival.rate: expected a number >= 0, got -1");
  });
});
