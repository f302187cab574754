/**
 * A source of outside arrivals to one queue: a stateful generator of arrival epochs, pulled by
 * the simulation loop one epoch at a time. Allocation-free: `next()` returns a number and the
 * epoch's batch size is read from `batchSize`.
 */
export interface ArrivalProcess {
  /**
   * Absolute simulated time (s) of the next arrival epoch; Infinity when there are no more
   * (and on every later call). Epochs never decrease. They repeat only for duplicate trace
   * times, or when an inter-arrival draw is exactly 0 (a zero in an empirical or deterministic
   * interarrival distribution, or a uniform of exactly 0, which alea gives with probability
   * 2^-32): the calendar's (time, priority, seq) order handles such ties.
   */
  next(): number;
  /** Messages arriving at the epoch last returned by `next()`: 1 except for `batch`. */
  readonly batchSize: number;
  /**
   * Long-run mean arrival rate in messages per second: poisson its rate, renewal 1 / mean
   * interarrival, batch rate times mean batch size, mmpp the stationary mix of its state
   * rates, profile the time average over a period (or the last step's rate when not
   * periodic, since it lasts forever), trace (count - 1) / (last - first).
   */
  readonly meanRate: number;
  /**
   * Squared coefficient of variation of inter-arrival times, where the process is renewal:
   * poisson 1, renewal its distribution's scv. Undefined otherwise (batch, mmpp, profile, trace).
   */
  readonly interarrivalScv?: number;
}
