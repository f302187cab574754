/**
 * Distribution specifications exactly as the scenario format (DESIGN.md, "Distributions")
 * writes them. The scenario schema validates files into these types; `createDistribution`
 * turns one into a sampler.
 */
export type DistributionSpec =
  | { dist: "exponential"; mean?: number; rate?: number }
  | { dist: "deterministic"; value: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "erlang"; k: number; mean: number }
  | { dist: "gamma"; mean?: number; cv?: number; shape?: number; scale?: number }
  | { dist: "lognormal"; mean?: number; cv?: number; mu?: number; sigma?: number }
  | { dist: "weibull"; shape: number; scale: number }
  | { dist: "hyperexponential"; mean: number; cv: number }
  | { dist: "pareto"; shape: number; scale?: number; mean?: number }
  | { dist: "empirical"; samples: number[] };

/** Integer-valued distributions (batch sizes): support 1, 2, ... */
export type IntegerDistributionSpec =
  | { dist: "geometric"; mean: number }
  | { dist: "deterministic"; value: number }
  | { dist: "empirical"; samples: number[] };

export type DistributionName = DistributionSpec["dist"];
