import { describe, expect, it } from "vitest";
import { deterministicInteger } from "../../../src/engine/random/index.ts";
import { constantSource, expectThrows } from "./sampleStats.ts";

describe("deterministicInteger", () => {
  it("always gives its value, with pmf 1 there", () => {
    const d = deterministicInteger({ value: 4 });
    expect(d.sample(constantSource(0.3))).toBe(4);
    expect([d.name, d.mean, d.variance, d.pmf(4), d.pmf(3), d.cdf!(3.9), d.cdf!(4)]).toEqual(["deterministic", 4, 0, 1, 0, 0, 1]);
  });

  it("rejects anything but an integer >= 1", () => {
    expectThrows(() => deterministicInteger({ value: 2.5 }), RangeError, "size.value: expected an integer >= 1, got 2.5");
    expectThrows(() => deterministicInteger({ value: 0 }), RangeError, "size.value: expected an integer >= 1, got 0");
    expectThrows(() => deterministicInteger({ value: "3" as unknown as number }), TypeError, 'size.value: expected an integer >= 1, got "3"');
  });
});
