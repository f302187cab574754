// Runs an arrival process up to a horizon and tallies what it produced.
import type { ArrivalProcess } from "../../../src/engine/arrivals/index.ts";

export interface Tally {
  /** Arrival epochs up to the horizon, in order. */
  epochs: number[];
  /** Batch size at each epoch. */
  sizes: number[];
  /** Total messages up to the horizon. */
  messages: number;
  /** Whether the epochs never decreased. */
  ordered: boolean;
}

/** Pulls epochs from `process` while they are <= `horizon` (s). */
export function collectArrivals(process: ArrivalProcess, horizon: number): Tally {
  const epochs: number[] = [];
  const sizes: number[] = [];
  let messages = 0;
  let ordered = true;
  let previous = 0;
  for (let t = process.next(); t <= horizon && t < Infinity; t = process.next()) {
    if (t < previous) ordered = false;
    previous = t;
    epochs.push(t);
    sizes.push(process.batchSize);
    messages += process.batchSize;
  }
  return { epochs, sizes, messages, ordered };
}

/** Four standard deviations of a count with the given variance: a correct process misses with probability 6e-5. */
export function countTolerance(variance: number): number {
  return 4 * Math.sqrt(variance);
}
