import { createIntegerDistribution, type IntegerDistribution } from "../random/index.ts";
import type { IntegerDistributionSpec } from "../random/spec.ts";
import type { RandomSource } from "../random/types.ts";
import { checkNonNegative } from "../random/validate.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";

/** Parameters of `batch`: batch `rate` per second and the batch `size` distribution. */
export interface BatchParams {
  rate: number;
  size: IntegerDistributionSpec;
}

class BatchProcess implements ArrivalProcess {
  batchSize = 1;
  readonly meanRate: number;
  private readonly meanGap: number;
  private readonly size: IntegerDistribution;
  private readonly random: RandomSource;
  private time = 0;

  constructor(rate: number, size: IntegerDistribution, random: RandomSource) {
    this.meanRate = rate * size.mean;
    this.meanGap = 1 / rate;
    this.size = size;
    this.random = random;
  }

  next(): number {
    if (this.meanRate === 0) return (this.time = Infinity);
    this.time += 0 - this.meanGap * Math.log(1 - this.random());
    this.batchSize = this.size.sample(this.random);
    return this.time;
  }
}

/**
 * The batch (compound) Poisson process M^X: batches arrive as a Poisson process of `rate` per
 * second and each brings `size` messages, drawn independently. Per epoch the stream gives one
 * uniform for the gap, then what the size distribution draws. Rate 0: no arrivals.
 * @param params `rate` >= 0 batches per second, finite; `size` an integer distribution spec
 * @param random the arrival stream
 * @param path field path used in error messages (`path.rate`, `path.size.*`)
 */
export function batch(params: BatchParams, random: RandomSource, path = "arrival"): ArrivalProcess {
  const rate = checkNonNegative(params.rate, `${path}.rate`);
  const size = createIntegerDistribution(params.size, `${path}.size`);
  return new BatchProcess(rate, size, random);
}
