import { describe, expect, it } from "vitest";
import { uniform } from "../../../src/engine/random/index.ts";
import { checkSampler } from "./checkSampler.ts";
import { LARGEST_UNIFORM, constantSource, expectThrows } from "./sampleStats.ts";

/** E[X^k] of the uniform on [a, b]: (b^(k+1) - a^(k+1)) / ((k + 1)(b - a)). */
function uniformRaw(a: number, b: number): [number, number, number, number] {
  const m = (k: number) => (b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a));
  return [m(1), m(2), m(3), m(4)];
}

describe("uniform", () => {
  checkSampler({ spec: { dist: "uniform", min: 0.5, max: 2 }, raw: uniformRaw(0.5, 2), cdf: (x) => Math.min(1, Math.max(0, (x - 0.5) / 1.5)) });
  checkSampler({ spec: { dist: "uniform", min: 0, max: 1e-3 }, raw: uniformRaw(0, 1e-3), cdf: (x) => Math.min(1, Math.max(0, x / 1e-3)) });

  it("maps u to min + (max - min) u", () => {
    const d = uniform({ min: 1, max: 3 });
    expect(d.sample(constantSource(0))).toBe(1);
    expect(d.sample(constantSource(0.25))).toBe(1.5);
    expect(d.sample(constantSource(LARGEST_UNIFORM))).toBeLessThan(3);
  });

  it("rejects max <= min and a negative min", () => {
    expectThrows(() => uniform({ min: 2, max: 2 }), RangeError, "service.max: expected a number > min (2), got 2");
    expectThrows(() => uniform({ min: -1, max: 2 }), RangeError, "service.min: expected a number >= 0, got -1");
  });
});
