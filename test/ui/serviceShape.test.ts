import { describe, expect, it } from "vitest";
import { distributionMoments, pickableDistributions, scaleDistribution, serviceSpecFor, withServiceMean } from "../../src/ui/model/serviceShape.ts";
import type { DistributionSpec } from "../../src/scenario/index.ts";

// The cv each distribution can represent exactly (Erlang only 1/sqrt(k)).
const cvFor = { exponential: 1, deterministic: 0, erlang: 0.5, gamma: 0.7, lognormal: 1.5, hyperexponential: 2, uniform: 0.4, pareto: 1.2 } as const;

describe("serviceSpecFor", () => {
  it.each(pickableDistributions)("gives %s the mean and cv asked for", (dist) => {
    const spec = serviceSpecFor(dist, 0.03, cvFor[dist]);
    expect(typeof spec).toBe("object");
    const m = distributionMoments(spec as DistributionSpec)!;
    expect(m.meanS).toBeCloseTo(0.03, 12);
    expect(m.cv).toBeCloseTo(cvFor[dist], 9);
  });

  it("refuses a cv outside the distribution's range", () => {
    expect(serviceSpecFor("hyperexponential", 1, 0.5)).toMatch(/cv from 1/);
    expect(serviceSpecFor("uniform", 1, 0.9)).toMatch(/cv from 0 to 0.577/);
  });
});

describe("withServiceMean and scaleDistribution", () => {
  it.each<DistributionSpec>([
    { dist: "weibull", shape: 1.5, scale: 0.02 },
    { dist: "empirical", samples: [0.01, 0.02, 0.04] },
    { dist: "lognormal", mu: -4, sigma: 0.5 },
    { dist: "gamma", shape: 2, scale: 0.01 },
    { dist: "exponential", rate: 40 },
  ])("sets the mean of %j and keeps its cv", (spec) => {
    const before = distributionMoments(spec)!;
    const after = distributionMoments(withServiceMean(spec, 0.1) as DistributionSpec)!;
    expect(after.meanS).toBeCloseTo(0.1, 9);
    expect(after.cv).toBeCloseTo(before.cv, 9);
  });

  it("leaves no undefined fields behind", () => {
    const scaled = scaleDistribution({ dist: "lognormal", mean: 1, cv: 2 }, 3);
    expect(Object.values(scaled).includes(undefined)).toBe(false);
  });
});
