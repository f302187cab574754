import { describe, expect, it } from "vitest";
import { empirical } from "../../../src/engine/random/index.ts";
import { LARGEST_UNIFORM, constantSource, countingSource, draw, expectThrows } from "./sampleStats.ts";

describe("empirical", () => {
  const samples = [0.3, 0.1, 0.2, 0.1];

  it("has the samples' own mean, population variance and step cdf", () => {
    const d = empirical({ samples });
    // mean 0.7 / 4 = 0.175; squared deviations 0.015625 + 2 * 0.005625 + 0.000625 = 0.0275, / 4
    expect(d.mean).toBeCloseTo(0.175, 15);
    expect(d.variance).toBeCloseTo(0.006875, 15);
    expect([d.cdf!(0.05), d.cdf!(0.1), d.cdf!(0.25), d.cdf!(0.3)]).toEqual([0, 0.5, 0.75, 1]);
  });

  it("resamples every value with its frequency (within 4 standard errors)", () => {
    const n = 200_000;
    const xs = draw(empirical({ samples }), "empirical", n);
    for (const [value, p] of [[0.1, 0.5], [0.2, 0.25], [0.3, 0.25]] as const) {
      const share = xs.filter((x) => x === value).length / n;
      // Binomial standard error sqrt(p (1 - p) / n); 4 of them: false failure 6e-5.
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it("inverts one uniform on the sorted samples, so draws are monotone in u", () => {
    const d = empirical({ samples });
    const source = countingSource(constantSource(0));
    expect(d.sample(source.random)).toBe(0.1);
    expect(source.count()).toBe(1);
    expect(d.sample(constantSource(0.6))).toBe(0.2);
    expect(d.sample(constantSource(LARGEST_UNIFORM))).toBe(0.3);
  });

  it("copies its samples, so later edits to the array do not leak in", () => {
    const input = [1, 2];
    const d = empirical({ samples: input });
    input[0] = 100;
    expect(d.sample(constantSource(0))).toBe(1);
  });

  it("names the first bad sample", () => {
    expectThrows(() => empirical({ samples: [] }), RangeError, "service.samples: expected a non-empty array of numbers >= 0, got []");
    expectThrows(() => empirical({ samples: [1, 2, -3] }), RangeError, "service.samples[2]: expected a number >= 0, got -3");
    expectThrows(() => empirical({ samples: [1, "2"] as unknown as number[] }), TypeError, 'service.samples[1]: expected a number >= 0, got "2"');
  });
});
