import { describe, expect, it } from "vitest";
import { empiricalInteger } from "../../../src/engine/random/index.ts";
import { draw, expectThrows } from "./sampleStats.ts";

describe("empiricalInteger", () => {
  const samples = [5, 1, 2, 1];

  it("has the samples' pmf, mean and population variance", () => {
    const d = empiricalInteger({ samples });
    expect([d.pmf(1), d.pmf(2), d.pmf(3), d.pmf(5), d.pmf(1.5)]).toEqual([0.5, 0.25, 0, 0.25, 0]);
    // mean 9 / 4; squared deviations (1.5625 * 2 + 0.0625 + 7.5625) / 4
    expect(d.mean).toBe(2.25);
    expect(d.variance).toBeCloseTo(2.6875, 15);
  });

  it("draws each size with its frequency (within 4 standard errors)", () => {
    const n = 200_000;
    const xs = draw(empiricalInteger({ samples }), "empiricalInteger", n);
    for (const [k, p] of [[1, 0.5], [2, 0.25], [5, 0.25]] as const) {
      const share = xs.filter((x) => x === k).length / n;
      // Binomial standard error sqrt(p (1 - p) / n); 4 of them: false failure 6e-5.
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it("rejects sizes that are not integers >= 1", () => {
    expectThrows(() => empiricalInteger({ samples: [1, 0] }), RangeError, "size.samples[1]: expected an integer >= 1, got 0");
    expectThrows(() => empiricalInteger({ samples: [1.5] }), RangeError, "size.samples[0]: expected an integer >= 1, got 1.5");
  });
});
