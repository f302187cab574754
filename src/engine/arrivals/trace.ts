import type { RandomSource } from "../random/types.ts";
import { checkNonNegative, describeValue } from "../random/validate.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";

/** Parameters of `trace`: recorded arrival `times` (s), or the `file` they came from. */
export interface TraceParams {
  times?: readonly number[];
  /** Where the times were loaded from (CLI); a trace given only as a file is rejected. */
  file?: string;
}

class TraceProcess implements ArrivalProcess {
  readonly batchSize = 1;
  readonly meanRate: number;
  private readonly times: Float64Array;
  private index = 0;

  constructor(times: Float64Array) {
    this.times = times;
    const n = times.length;
    const span = n > 0 ? times[n - 1]! - times[0]! : 0;
    // n - 1 gaps over the span: exact for a regular trace, whatever time its first arrival has.
    this.meanRate = span > 0 ? (n - 1) / span : 0;
  }

  next(): number {
    return this.index < this.times.length ? this.times[this.index++]! : Infinity;
  }
}

/**
 * Replays recorded arrival times exactly (trace-driven simulation), then Infinity. Duplicate
 * times are allowed (several messages at one instant). `meanRate` is the number of gaps over
 * the span, (count - 1) / (last - first), or 0 for a trace with no span (fewer than two
 * distinct times). Draws no random number.
 * @param params `times`: an array of finite numbers >= 0 (s), ascending; copied. A trace given
 *   only as `file` must be loaded first (`parseTraceText`) and passed as `times`.
 * @param _random unused; taken so every process has the same signature
 * @param path field path used in error messages (`path.times[3]`)
 * @throws TypeError when only `file` is given; RangeError on a bad or descending time
 */
export function trace(params: TraceParams, _random: RandomSource, path = "arrival"): ArrivalProcess {
  if (params.times === undefined) {
    if (params.file !== undefined) {
      throw new TypeError(
        `${path}.file: a trace file must be loaded first and its times passed as ${path}.times` +
          ` (parseTraceText does it), got file ${describeValue(params.file)}`,
      );
    }
    throw new TypeError(`${path}.times: expected an array of arrival times, got undefined`);
  }
  const list: unknown = params.times;
  if (!Array.isArray(list)) throw new TypeError(`${path}.times: expected an array of arrival times, got ${describeValue(list)}`);
  const times = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const time = checkNonNegative(list[i], `${path}.times[${i}]`);
    if (i > 0 && time < times[i - 1]!) {
      throw new RangeError(`${path}.times[${i}]: times must be ascending, got ${time} after ${times[i - 1]}`);
    }
    times[i] = time;
  }
  return new TraceProcess(times);
}
