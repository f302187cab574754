import { describe, expect, it } from "vitest";
import { ciHalfWidth, meanCi } from "../../src/stats/index.ts";

describe("meanCi", () => {
  it("gives the hand-computed Student-t interval for 1..5", () => {
    // Hand: mean 3, s^2 = 10 / 4 = 2.5, s / sqrt(5) = sqrt(0.5); t(0.975, 4) = 2.776 (Law & Kelton
    // table T.1), so the half-width is 2.776 * 0.70711 = 1.963.
    const { mean, ci95 } = meanCi([1, 2, 3, 4, 5]);
    expect(mean).toBe(3);
    expect(ci95).toBeCloseTo(1.963, 3);
  });

  it("uses the requested confidence level", () => {
    // t(0.95, 4) = 2.132 (Law & Kelton table T.1), times sqrt(0.5) as above.
    expect(meanCi([1, 2, 3, 4, 5], 0.9).ci95).toBeCloseTo(2.132 * Math.SQRT1_2, 3);
  });

  it("reports a zero half-width when there are fewer than 2 values", () => {
    expect(meanCi([7])).toEqual({ mean: 7, ci95: 0 });
    expect(meanCi([])).toEqual({ mean: 0, ci95: 0 });
  });

  it("reports a zero half-width for constant data", () => {
    expect(meanCi(new Float64Array([2.5, 2.5, 2.5]))).toEqual({ mean: 2.5, ci95: 0 });
  });

  it("rejects NaN data, naming its index", () => {
    expect(() => meanCi([1, NaN, 3])).toThrow(/values\[1\]/);
  });

  it("agrees with ciHalfWidth from a standard deviation", () => {
    expect(ciHalfWidth(Math.sqrt(2.5), 5)).toBeCloseTo(meanCi([1, 2, 3, 4, 5]).ci95, 12);
    expect(ciHalfWidth(1, 1)).toBe(0);
    expect(() => ciHalfWidth(1, 5, 95)).toThrow(/level: 95/);
  });
});
