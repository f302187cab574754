// One shared battery of stochastic checks for a continuous distribution and parametrisation.
// The oracles (moments, CDF) are written independently of the implementation, from textbook
// formulas or jStat, by each distribution's test file.
import { beforeAll, describe, expect, it } from "vitest";
import { createStream } from "../../../src/engine/rng.ts";
import { createDistribution, type Distribution, type DistributionSpec } from "../../../src/engine/random/index.ts";
import {
  N, SEED, draw, fourthCentralMoment, ksCritical001, ksDistance, meanTolerance, summarize, varianceTolerance,
} from "./sampleStats.ts";

export interface SamplerCase {
  spec: DistributionSpec;
  /** E[X], E[X^2], E[X^3], E[X^4] from the textbook; Infinity where a moment does not exist. */
  raw: readonly [number, number, number, number];
  /** An independent CDF (jStat or a closed form). */
  cdf: (x: number) => number;
}

export function checkSampler({ spec, raw, cdf }: SamplerCase): void {
  const label = JSON.stringify(spec);
  const [m1, m2] = raw;
  const variance = m2 - m1 * m1;
  const mu4 = fourthCentralMoment(raw);
  describe(label, () => {
    let dist: Distribution;
    let xs: Float64Array;
    beforeAll(() => {
      dist = createDistribution(spec);
      xs = draw(dist, label);
    });

    it("reports the textbook mean and variance", () => {
      expect(dist.mean / m1).toBeCloseTo(1, 12);
      if (Number.isFinite(variance)) expect(dist.variance / variance).toBeCloseTo(1, 11);
      else expect(dist.variance).toBe(Infinity);
    });

    // Moment checks only where the central limit theorem applies: a finite variance for the
    // sample mean, a finite fourth moment for the sample variance.
    if (Number.isFinite(variance)) {
      it(`has a sample mean within 4 standard errors (n = ${N})`, () => {
        // 4 sqrt(variance / n): a correct sampler fails with probability 6e-5 (sampleStats.ts).
        expect(Math.abs(summarize(xs).mean - m1)).toBeLessThan(meanTolerance(variance, N));
      });
    }

    if (Number.isFinite(mu4)) {
      it(`has a sample variance within 4 standard errors (n = ${N})`, () => {
        // 4 sqrt((mu4 - sigma^4) / n), mu4 the fourth central moment (sampleStats.ts).
        expect(Math.abs(summarize(xs).variance - variance)).toBeLessThan(varianceTolerance(variance, mu4, N));
      });
    }

    it("passes Kolmogorov-Smirnov against its own cdf at alpha = 0.001", () => {
      // Critical value 1.9495 / sqrt(n) = 0.00436 for n = 200000 (Massey 1951; sampleStats.ts).
      expect(ksDistance(xs, dist.cdf!)).toBeLessThan(ksCritical001(N));
    });

    it("has a cdf equal to the independent oracle at the sample's percentiles", () => {
      const sorted = Float64Array.from(xs).sort();
      for (const p of [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999]) {
        const x = sorted[Math.floor(p * N)]!;
        expect(Math.abs(dist.cdf!(x) - cdf(x))).toBeLessThan(1e-9);
      }
    });

    it("never draws NaN or a negative number", () => {
      expect(xs.every((x) => x >= 0)).toBe(true);
    });

    it("gives the same sequence for the same seed and stream name", () => {
      const again = createDistribution(spec);
      const a = createStream(SEED, "repeat");
      const b = createStream(SEED, "repeat");
      for (let i = 0; i < 1000; i++) expect(again.sample(a)).toBe(dist.sample(b));
    });
  });
}

/** E[X^k], k = 1..4, of a gamma(shape, scale): scale^k shape (shape + 1) ... (shape + k - 1). */
export function gammaRawMoments(shape: number, scale: number): [number, number, number, number] {
  const m1 = shape * scale;
  const m2 = m1 * (shape + 1) * scale;
  const m3 = m2 * (shape + 2) * scale;
  return [m1, m2, m3, m3 * (shape + 3) * scale];
}
