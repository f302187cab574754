import { describe, expect, it } from "vitest";
import { stationaryDistribution } from "../../../src/engine/arrivals/index.ts";
import { unreachableState } from "../../../src/engine/arrivals/stationaryDistribution.ts";

describe("stationaryDistribution", () => {
  it("gives (b, a) / (a + b) for two states switching at a and b", () => {
    expect(Array.from(stationaryDistribution([[0, 3], [1, 0]]))).toEqual([0.25, 0.75]);
  });

  it("is exact to rounding on a stiff birth-death chain", () => {
    // Up at 1e-6, down at 1: pi_i proportional to 1e-6^i (detailed balance), pi spans 18 orders.
    const n = 4;
    const rates = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j === i + 1 ? 1e-6 : j === i - 1 ? 1 : 0)));
    const pi = stationaryDistribution(rates);
    const total = 1 + 1e-6 + 1e-12 + 1e-18;
    for (let i = 0; i < n; i++) expect(pi[i]! / (1e-6 ** i / total)).toBeCloseTo(1, 12);
  });

  it("ignores the diagonal", () => {
    expect(Array.from(stationaryDistribution([[-3, 3], [1, -1]]))).toEqual([0.25, 0.75]);
  });
});

describe("unreachableState", () => {
  it("finds a state cut off in either direction, or -1", () => {
    expect(unreachableState([[0, 1], [1, 0]])).toBe(-1);
    expect(unreachableState([[0, 1], [0, 0]])).toBe(1);
    expect(unreachableState([[0, 0, 0], [1, 0, 1], [1, 0, 0]])).toBe(1);
  });
});
