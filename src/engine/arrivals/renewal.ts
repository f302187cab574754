import { createDistribution } from "../random/index.ts";
import type { DistributionSpec } from "../random/spec.ts";
import { scv, type Distribution, type RandomSource } from "../random/types.ts";
import { rangeFailure } from "../random/validate.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";

/** Parameters of `renewal`: the `interarrival` time distribution (s). */
export interface RenewalParams {
  interarrival: DistributionSpec;
}

class RenewalProcess implements ArrivalProcess {
  readonly batchSize = 1;
  readonly meanRate: number;
  readonly interarrivalScv: number;
  private readonly gap: Distribution;
  private readonly random: RandomSource;
  private time = 0;

  constructor(gap: Distribution, random: RandomSource) {
    this.gap = gap;
    this.random = random;
    this.meanRate = 1 / gap.mean;
    this.interarrivalScv = gap.mean === Infinity ? Infinity : scv(gap);
  }

  next(): number {
    this.time += this.gap.sample(this.random);
    return this.time;
  }
}

/**
 * A renewal process (the GI of GI/G/c): independent, identically distributed gaps from time 0
 * (an ordinary, not stationary, renewal process: the first arrival comes one gap after 0).
 * @param params `interarrival`: any distribution spec (`createDistribution`) with mean > 0
 * @param random the arrival stream
 * @param path field path used in error messages (`path.interarrival.*`)
 */
export function renewal(params: RenewalParams, random: RandomSource, path = "arrival"): ArrivalProcess {
  const gap = createDistribution(params.interarrival, `${path}.interarrival`);
  if (!(gap.mean > 0)) rangeFailure(`${path}.interarrival`, "expected a mean interarrival time > 0", gap.mean);
  return new RenewalProcess(gap, random);
}
