import type { RandomSource } from "../random/types.ts";
import { checkNonEmptyArray, checkNonNegative, checkNumber, checkObject, checkPositive } from "../random/validate.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";

/** Parameters of `profile`: piecewise-constant `steps`, optionally repeating every `period` s. */
export interface ProfileParams {
  /** `rate` (per s) holds from `from` (s) to the next step's `from`; `from` strictly ascending. */
  steps: readonly { from: number; rate: number }[];
  /** When given, the profile repeats every `period` seconds (e.g. 86400 for a day). */
  period?: number;
}

class ProfileProcess implements ArrivalProcess {
  readonly batchSize = 1;
  readonly meanRate: number;
  private readonly starts: Float64Array;
  private readonly rates: Float64Array;
  /** Period length (s), Infinity when the profile does not repeat. */
  private readonly period: number;
  /** Expected arrivals per period (the rate's integral over one); Infinity when not periodic. */
  private readonly perPeriod: number;
  private readonly random: RandomSource;
  private segment = 0;
  private cycle = 0;
  private time = 0;

  constructor(starts: Float64Array, rates: Float64Array, period: number, random: RandomSource) {
    this.starts = starts;
    this.rates = rates;
    this.period = period;
    this.random = random;
    const n = starts.length;
    let perPeriod = 0;
    for (let i = 0; i < n; i++) perPeriod += rates[i]! * ((i + 1 < n ? starts[i + 1]! : period) - starts[i]!);
    this.perPeriod = period === Infinity ? Infinity : perPeriod;
    this.meanRate = period === Infinity ? rates[n - 1]! : perPeriod / period;
  }

  next(): number {
    if (this.time === Infinity || this.perPeriod === 0) return (this.time = Infinity);
    // Inversion of the cumulative rate: an Exp(1) amount of "rate time" is spent segment by
    // segment, so the epochs form exactly a non-homogeneous Poisson process (Cinlar,
    // Introduction to Stochastic Processes, 1975; Law, Simulation Modeling and Analysis, 5th
    // ed., section 8.6.2). One uniform per arrival.
    let remaining = 0 - Math.log(1 - this.random());
    // After skipping whole periods at most two periods remain to walk in exact arithmetic. Far
    // out in time a step narrower than the clock's resolution has width 0 and consumes nothing:
    // past that bound the profile can no longer be followed, and it ends.
    let budget = 3 * (this.starts.length + 1);
    for (;;) {
      if (--budget < 0) return (this.time = Infinity);
      const end = this.segmentEnd();
      const rate = this.rates[this.segment]!;
      if (rate > 0) {
        const available = rate * (end - this.time);
        if (remaining <= available) {
          this.time = Math.min(this.time + remaining / rate, end);
          return this.time;
        }
        remaining -= available;
      }
      if (end === Infinity) return (this.time = Infinity);
      this.time = end;
      if (++this.segment === this.starts.length) remaining = this.startNextPeriod(remaining);
    }
  }

  private segmentEnd(): number {
    const base = this.period === Infinity ? 0 : this.cycle * this.period;
    const next = this.segment + 1;
    return next < this.starts.length ? base + this.starts[next]! : base + this.period;
  }

  /** Moves to the start of the next period, skipping whole periods the remaining rate time spans. */
  private startNextPeriod(remaining: number): number {
    // Keep at least one period's worth, so the arrival lands inside a period with positive rate.
    const skipped = remaining > this.perPeriod ? Math.ceil(remaining / this.perPeriod) - 1 : 0;
    this.segment = 0;
    this.cycle += 1 + skipped;
    this.time = this.cycle * this.period;
    return remaining - skipped * this.perPeriod;
  }
}

/**
 * A piecewise-constant arrival rate: a non-homogeneous Poisson process sampled exactly by
 * inverting its cumulative rate (no thinning, so no bound to get wrong), one uniform per
 * arrival. Without `period`, the rate is 0 before the first step and the last step's rate
 * lasts forever (the long-run `meanRate` is that rate). With `period`, the profile repeats:
 * the last step's rate wraps around to the first step's `from`, and `meanRate` is the time
 * average over a period.
 * @param params `steps`: non-empty, `from` >= 0 (s) strictly ascending, `rate` >= 0 per s,
 *   all finite; `period` > the last step's `from` (s), finite
 * @param random the arrival stream
 * @param path field path used in error messages (`path.steps[2].from`)
 */
export function profile(params: ProfileParams, random: RandomSource, path = "arrival"): ArrivalProcess {
  const steps = checkNonEmptyArray(params.steps, `${path}.steps`, "steps like { \"from\": 0, \"rate\": 5 }");
  const froms: number[] = [];
  const rates: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = checkObject(steps[i], `${path}.steps[${i}]`, "a step like { \"from\": 0, \"rate\": 5 }");
    const previous = froms[i - 1];
    froms.push(previous === undefined
      ? checkNonNegative(step.from, `${path}.steps[${i}].from`)
      : checkNumber(step.from, `${path}.steps[${i}].from`, `> ${previous} (steps ascending)`, (x) => x > previous));
    rates.push(checkNonNegative(step.rate, `${path}.steps[${i}].rate`));
  }
  const last = froms[froms.length - 1]!;
  let period = Infinity;
  if (params.period !== undefined) {
    period = checkPositive(params.period, `${path}.period`);
    period = checkNumber(period, `${path}.period`, `> ${last} (the last step's from)`, (x) => x > last);
  }
  if (froms[0]! > 0) {
    // Before the first step: nothing yet, or, when periodic, the previous period's last rate.
    froms.unshift(0);
    rates.unshift(period === Infinity ? 0 : rates[rates.length - 1]!);
  }
  return new ProfileProcess(Float64Array.from(froms), Float64Array.from(rates), period, random);
}
