import { describe, expect, it } from "vitest";
import { studentTQuantile } from "../../src/stats/index.ts";

describe("studentTQuantile", () => {
  it("matches the published two-sided 95% t-table to its 3 decimals", () => {
    // Law & Kelton, Simulation Modeling and Analysis, table T.1 (column 0.975).
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.132, 3);
  });

  it("is symmetric about 0", () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 10);
    expect(studentTQuantile(0.5, 7)).toBeCloseTo(0, 12);
  });

  it("gives the normal quantile for infinite degrees of freedom", () => {
    // Standard normal table: z(0.975) = 1.959964.
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it("rejects p outside (0, 1) and df <= 0, naming the argument", () => {
    expect(() => studentTQuantile(1, 5)).toThrow(/invalid p: 1/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/invalid df: 0/);
    expect(() => studentTQuantile(NaN, 5)).toThrow(RangeError);
  });
});
