import { describe, expect, it } from "vitest";
import { profile } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { expectThrows } from "../random/sampleStats.ts";
import { collectArrivals, countTolerance } from "./collectArrivals.ts";

/** Counts epochs per segment of the period, for the periods in [firstPeriod, lastPeriod). */
function perSegment(epochs: number[], period: number, bounds: number[], firstPeriod: number, lastPeriod: number): number[] {
  const counts = bounds.map(() => 0);
  for (const t of epochs) {
    const cycle = Math.floor(t / period);
    if (cycle < firstPeriod || cycle >= lastPeriod) continue;
    const offset = t - cycle * period;
    let segment = bounds.length - 1;
    while (offset < bounds[segment]!) segment--;
    counts[segment]!++;
  }
  return counts;
}

describe("profile arrivals", () => {
  // 5/s for 10 s, 20/s for 5 s, nothing for 15 s, repeating every 30 s: 150 per period, 5/s.
  const daily = { steps: [{ from: 0, rate: 5 }, { from: 10, rate: 20 }, { from: 15, rate: 0 }], period: 30 };

  it("has the time-average rate over its period", () => {
    expect(profile(daily, createStream(1, "p")).meanRate).toBe(5);
  });

  it("follows each segment's rate, and repeats it in later periods", () => {
    const periods = 1000;
    const { epochs, ordered } = collectArrivals(profile(daily, createStream(1, "daily")), periods * 30);
    expect(ordered).toBe(true);
    for (const [from, to] of [[0, 500], [500, 1000]] as const) {
      const counts = perSegment(epochs, 30, [0, 10, 15], from, to);
      // Counts in disjoint intervals of a Poisson process are independent Poisson variables:
      // 500 periods x 5/s x 10 s = 25000 and 500 x 20/s x 5 s = 50000, variance = mean.
      expect(Math.abs(counts[0]! - 25000)).toBeLessThan(countTolerance(25000));
      expect(Math.abs(counts[1]! - 50000)).toBeLessThan(countTolerance(50000));
      expect(counts[2]).toBe(0);
    }
  });

  it("without a period: nothing before the first step, then the last rate forever", () => {
    const process = profile({ steps: [{ from: 100, rate: 10 }, { from: 200, rate: 0 }] }, createStream(1, "once"));
    expect(process.meanRate).toBe(0);
    const { epochs } = collectArrivals(process, Infinity);
    expect(epochs[0]).toBeGreaterThanOrEqual(100);
    expect(epochs[epochs.length - 1]).toBeLessThan(200);
    // Poisson(10 x 100 = 1000).
    expect(Math.abs(epochs.length - 1000)).toBeLessThan(countTolerance(1000));
    expect(process.next()).toBe(Infinity);
    expect(profile({ steps: [{ from: 0, rate: 1 }, { from: 5, rate: 3 }] }, createStream(1, "x")).meanRate).toBe(3);
  });

  it("when periodic, wraps the last step's rate round to the first step's from", () => {
    // Quiet 6 s to 18 s; 10/s from 18 s to 6 s the next day: 120 per 24 s period.
    const night = { steps: [{ from: 6, rate: 0 }, { from: 18, rate: 10 }], period: 24 };
    const process = profile(night, createStream(1, "night"));
    expect(process.meanRate).toBe(5);
    const { epochs } = collectArrivals(process, 2000 * 24);
    const counts = perSegment(epochs, 24, [0, 6, 18], 0, 2000);
    // 2000 periods x 10/s x 6 s = 120000 in each of [0, 6) and [18, 24), Poisson.
    expect(Math.abs(counts[0]! - 120000)).toBeLessThan(countTolerance(120000));
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[2]! - 120000)).toBeLessThan(countTolerance(120000));
  });

  it("skips whole quiet periods when the rate is tiny, landing only where the rate is positive", () => {
    // 0.001/s for half of each 1 s period: 0.0005 expected per period, so about 2000 periods a gap.
    const sparse = profile({ steps: [{ from: 0, rate: 0.001 }, { from: 0.5, rate: 0 }], period: 1 }, createStream(1, "sparse"));
    const horizon = 2e7;
    const { epochs } = collectArrivals(sparse, horizon);
    expect(epochs.every((t) => t - Math.floor(t) <= 0.5)).toBe(true);
    // Poisson(2e7 x 0.0005 = 10000).
    expect(Math.abs(epochs.length - 10000)).toBeLessThan(countTolerance(10000));
  });

  it("never arrives when every rate is 0", () => {
    expect(profile({ steps: [{ from: 0, rate: 0 }], period: 10 }, createStream(1, "z")).next()).toBe(Infinity);
    expect(profile({ steps: [{ from: 0, rate: 0 }] }, createStream(1, "z")).next()).toBe(Infinity);
  });

  it("names the bad step or period", () => {
    const r = createStream(1, "e");
    expectThrows(() => profile({ steps: [{ from: 0, rate: 1 }, { from: 0, rate: 2 }] }, r), RangeError, "arrival.steps[1].from: expected a number > 0 (steps ascending), got 0");
    expectThrows(() => profile({ steps: [{ from: 0, rate: -1 }] }, r), RangeError, "arrival.steps[0].rate: expected a number >= 0, got -1");
    expectThrows(() => profile({ steps: [{ from: 0, rate: 1 }, { from: 20, rate: 2 }], period: 20 }, r), RangeError, "arrival.period: expected a number > 20 (the last step's from), got 20");
    expectThrows(() => profile({ steps: [] }, r), RangeError, 'arrival.steps: expected a non-empty array of steps like { "from": 0, "rate": 5 }, got []');
  });
});
