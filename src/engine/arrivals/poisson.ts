import { checkNonNegative } from "../random/validate.ts";
import type { RandomSource } from "../random/types.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";

/** Parameters of `poisson`: `rate` in arrivals per second. */
export interface PoissonParams {
  rate: number;
}

class PoissonProcess implements ArrivalProcess {
  readonly batchSize = 1;
  readonly interarrivalScv = 1;
  readonly meanRate: number;
  private readonly meanGap: number;
  private readonly random: RandomSource;
  private time = 0;

  constructor(rate: number, random: RandomSource) {
    this.meanRate = rate;
    this.meanGap = 1 / rate;
    this.random = random;
  }

  next(): number {
    if (this.meanRate === 0) return (this.time = Infinity);
    // Exponential gaps by inversion, one uniform each; 0 - x keeps u = 0 at +0.
    this.time += 0 - this.meanGap * Math.log(1 - this.random());
    return this.time;
  }
}

/**
 * The homogeneous Poisson process: exponential gaps of mean 1 / rate from time 0, one uniform
 * per arrival. Rate 0 means no outside arrivals: `next()` is Infinity at once.
 * @param params `rate` >= 0 per second, finite
 * @param random the arrival stream (e.g. `createStream(seed, "r0/arrivals:orders")`)
 * @param path field path used in error messages
 */
export function poisson(params: PoissonParams, random: RandomSource, path = "arrival"): ArrivalProcess {
  return new PoissonProcess(checkNonNegative(params.rate, `${path}.rate`), random);
}
