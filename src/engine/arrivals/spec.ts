import type { DistributionSpec, IntegerDistributionSpec } from "../random/spec.ts";

/** Arrival processes as the scenario format (DESIGN.md, "Arrivals") writes them. Rates per second. */
export type ArrivalSpec =
  | { process: "poisson"; rate: number }
  | { process: "renewal"; interarrival: DistributionSpec }
  | { process: "batch"; rate: number; size: IntegerDistributionSpec }
  | { process: "mmpp"; states: { rate: number }[]; switch: number[][] }
  | { process: "profile"; steps: { from: number; rate: number }[]; period?: number }
  | { process: "trace"; times?: number[]; file?: string };
