/**
 * Outside arrival processes: each a stateful, allocation-free generator of arrival epochs,
 * built from the scenario's `arrival` spec (DESIGN.md, "Arrivals") and a named random stream.
 */
import type { RandomSource } from "../random/types.ts";
import { checkObject, describeValue } from "../random/validate.ts";
import type { ArrivalProcess } from "./arrivalProcess.ts";
import { batch } from "./batch.ts";
import { mmpp } from "./mmpp.ts";
import { poisson } from "./poisson.ts";
import { profile } from "./profile.ts";
import { renewal } from "./renewal.ts";
import type { ArrivalSpec } from "./spec.ts";
import { trace } from "./trace.ts";

export type { ArrivalProcess } from "./arrivalProcess.ts";
export { batch, type BatchParams } from "./batch.ts";
export { mmpp, type MmppParams } from "./mmpp.ts";
export { poisson, type PoissonParams } from "./poisson.ts";
export { profile, type ProfileParams } from "./profile.ts";
export { renewal, type RenewalParams } from "./renewal.ts";
export type { ArrivalSpec } from "./spec.ts";
export { stationaryDistribution } from "./stationaryDistribution.ts";
export { trace, type TraceParams } from "./trace.ts";
export { parseTraceText } from "./traceText.ts";

/** The `process` names `createArrivalProcess` accepts, in the order DESIGN.md lists them. */
export const arrivalProcessNames = ["poisson", "renewal", "batch", "mmpp", "profile", "trace"] as const;

/**
 * Builds a validated arrival process from its scenario spec. Specs may come straight from
 * JSON: every field is checked at run time, and errors name the field path and value.
 * @param spec `{ process, ...params }`
 * @param random the queue's arrival stream, e.g. `createStream(seed, streamName(r, "arrivals", id))`
 * @param path the spec's field path (`queues[0].arrival`), used in error messages
 * @throws TypeError/RangeError such as `arrival.switch[1][0]: expected a number >= 0, got -1`
 */
export function createArrivalProcess(spec: ArrivalSpec, random: RandomSource, path = "arrival"): ArrivalProcess {
  const s = checkObject(spec, path, "an arrival object like { \"process\": \"poisson\", \"rate\": 5 }");
  switch (spec.process) {
    case "poisson": return poisson(spec, random, path);
    case "renewal": return renewal(spec, random, path);
    case "batch": return batch(spec, random, path);
    case "mmpp": return mmpp(spec, random, path);
    case "profile": return profile(spec, random, path);
    case "trace": return trace(spec, random, path);
    default:
      throw new TypeError(`${path}.process: expected one of ${arrivalProcessNames.join(", ")}, got ${describeValue(s.process)}`);
  }
}
