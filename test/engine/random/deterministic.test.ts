import { describe, expect, it } from "vitest";
import { deterministic } from "../../../src/engine/random/index.ts";
import { countingSource, constantSource, expectThrows } from "./sampleStats.ts";

describe("deterministic", () => {
  it("always returns its value, with variance 0, and draws no uniform", () => {
    const d = deterministic({ value: 0.25 });
    const source = countingSource(constantSource(0.7));
    for (let i = 0; i < 10; i++) expect(d.sample(source.random)).toBe(0.25);
    expect(source.count()).toBe(0);
    expect([d.name, d.mean, d.variance]).toEqual(["deterministic", 0.25, 0]);
  });

  it("has a step cdf at its value", () => {
    const d = deterministic({ value: 2 });
    expect([d.cdf!(1.999), d.cdf!(2), d.cdf!(3)]).toEqual([0, 1, 1]);
  });

  it("accepts 0 and rejects negative or non-finite values", () => {
    expect(deterministic({ value: 0 }).sample(constantSource(0.5))).toBe(0);
    expectThrows(() => deterministic({ value: -1 }), RangeError, "service.value: expected a number >= 0, got -1");
    expectThrows(() => deterministic({ value: Infinity }), RangeError, "service.value: expected a finite number >= 0, got Infinity");
  });
});
