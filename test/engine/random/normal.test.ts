import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../../src/engine/random/normal.ts";
import { jStat } from "./sampleStats.ts";

describe("normalQuantile", () => {
  it("matches published quantiles to 1e-14", () => {
    // R qnorm(): 0.9 -> 1.2815515655446004, 0.975 -> 1.959963984540054, 0.999 -> 3.090232306167813,
    // 1e-10 -> -6.361340902404056 (AS 241 is R's algorithm; Wichura 1988 table 1).
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("agrees with jStat's inverse (itself good to about 1e-9) across (0, 1)", () => {
    for (let p = 1e-6; p < 1; p += 0.01) expect(Math.abs(normalQuantile(p) - jStat.normal.inv(p, 0, 1))).toBeLessThan(1e-8);
  });

  it("is infinite at 0 and 1 and symmetric", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(2 ** -32)).toBeCloseTo(-normalQuantile(1 - 2 ** -32), 8);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 14);
  });
});

describe("normalCdf", () => {
  it("agrees with jStat to 1e-15 absolute and inverts normalQuantile", () => {
    for (let x = -8; x <= 8; x += 0.05) expect(Math.abs(normalCdf(x) - jStat.normal.cdf(x, 0, 1))).toBeLessThan(1e-15);
    for (const p of [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.8, 0.999]) expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-15);
  });

  it("keeps a relative error below 1e-8 in the far lower tail", () => {
    // Reference values from mpmath ncdf at 40 digits.
    const reference = [[-3, 0.0013498980316300946], [-7, 1.279812543885835e-12], [-10, 7.619853024160525e-24], [-30, 4.906713927148187e-198]];
    for (const [x, p] of reference) expect(Math.abs(normalCdf(x!) / p! - 1)).toBeLessThan(1e-8);
  });

  it("is 0 and 1 in the far tails and NaN for NaN", () => {
    expect([normalCdf(-40), normalCdf(40), normalCdf(0)]).toEqual([0, 1, 0.5]);
    expect(normalCdf(NaN)).toBeNaN();
  });
});
