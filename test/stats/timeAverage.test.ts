import { describe, expect, it } from "vitest";
import { TimeAverage } from "../../src/stats/index.ts";

describe("TimeAverage", () => {
  it("averages a piecewise-constant signal over time (hand-computed)", () => {
    // 0 on [0, 1), 2 on [1, 3), 1 on [3, 4]: area 0 + 4 + 1 = 5 over 4 s.
    const average = new TimeAverage();
    average.update(2, 1);
    average.update(1, 3);
    expect(average.integral(4)).toBe(5);
    expect(average.mean(4)).toBe(1.25);
    expect(average.value).toBe(1);
  });

  it("restarts at a reset, keeping the current value", () => {
    const average = new TimeAverage(0, 3);
    average.update(1, 2);
    average.reset(2.5);
    expect(average.startTime).toBe(2.5);
    expect(average.mean(4.5)).toBe(1);
  });

  it("returns the current value when no time has elapsed", () => {
    expect(new TimeAverage(5, 7).mean(5)).toBe(7);
  });

  it("rejects time going backwards and non-finite values", () => {
    const average = new TimeAverage();
    average.update(1, 2);
    expect(() => average.update(0, 1)).toThrow(/time: 1/);
    expect(() => average.mean(1)).toThrow(RangeError);
    expect(() => average.update(NaN, 3)).toThrow(/value: NaN/);
  });
});
