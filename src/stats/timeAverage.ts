/**
 * Time average of a piecewise-constant signal (a queue length, a number of busy consumers),
 * for code off the hot path: `update(value, time)` says the signal is `value` from `time` on;
 * `mean(until)` is the integral from the start to `until` divided by the elapsed time
 * (the time-average L of Little's law; Law & Kelton, Simulation Modeling and Analysis,
 * sec. 1.4, the time-average number in queue q(n)).
 *
 * Times are in s (any unit, used consistently) and must not decrease.
 */
export class TimeAverage {
  private start: number;
  private last: number;
  private current: number;
  private area = 0;

  /**
   * @param startTime when averaging starts (default 0).
   * @param initialValue the signal's value from `startTime` (default 0).
   */
  constructor(startTime = 0, initialValue = 0) {
    checkFinite("startTime", startTime);
    checkFinite("initialValue", initialValue);
    this.start = this.last = startTime;
    this.current = initialValue;
  }

  /**
   * The signal takes `value` from `time` on.
   * @throws RangeError when time is earlier than the previous update or a number is not finite.
   */
  update(value: number, time: number): void {
    checkFinite("value", value);
    this.advance(time);
    this.current = value;
  }

  /**
   * Integral of the signal from the start to `until` (value times s).
   * @throws RangeError when until is earlier than the last update.
   */
  integral(until: number): number {
    this.checkTime(until);
    return this.area + this.current * (until - this.last);
  }

  /**
   * Time average from the start to `until`; the current value when no time has elapsed.
   * @throws RangeError when until is earlier than the last update.
   */
  mean(until: number): number {
    const elapsed = until - this.start;
    const area = this.integral(until);
    return elapsed > 0 ? area / elapsed : this.current;
  }

  /** Restarts the average at `time` (the end of a warm-up), keeping the current value. */
  reset(time: number): void {
    this.advance(time);
    this.area = 0;
    this.start = time;
  }

  /** The signal's current value. */
  get value(): number {
    return this.current;
  }
  /** Time of the last update or reset. */
  get lastTime(): number {
    return this.last;
  }
  /** When averaging started (construction or the last reset). */
  get startTime(): number {
    return this.start;
  }

  private advance(time: number): void {
    this.checkTime(time);
    this.area += this.current * (time - this.last);
    this.last = time;
  }

  private checkTime(time: number): void {
    checkFinite("time", time);
    if (time < this.last) {
      throw new RangeError(`invalid time: ${time} (must be >= the last update time ${this.last})`);
    }
  }
}

function checkFinite(field: string, x: number): void {
  if (!(Math.abs(x) < Infinity)) throw new RangeError(`invalid ${field}: ${x} (must be finite)`);
}
