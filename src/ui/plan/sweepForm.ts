import type { QueueSpec, Scenario } from "../../scenario/index.ts";

/** The parameters of the selected queue the sweep panel offers. */
export type SweepParam = "rate" | "consumers" | "serviceMean" | "serviceCv" | "prefetch";

interface ParamSpec {
  label: string;
  /** Unit shown in the fields and on the chart's x axis, and the factor from the scenario's unit to it. */
  unit: string;
  factor: number;
  integer: boolean;
  min: number;
  /** The field of the queue, as a sweep path after `queues[i].`. */
  field: string;
}

export const sweepParams: Record<SweepParam, ParamSpec> = {
  rate: { label: "Arrival rate", unit: "msg/s", factor: 1, integer: false, min: 0, field: "arrival.rate" },
  consumers: { label: "Consumers", unit: "", factor: 1, integer: true, min: 1, field: "consumers" },
  serviceMean: { label: "Mean service time", unit: "ms", factor: 1000, integer: false, min: 0, field: "service.mean" },
  serviceCv: { label: "Service time CV", unit: "", factor: 1, integer: false, min: 0, field: "service.cv" },
  prefetch: { label: "Prefetch", unit: "", factor: 1, integer: true, min: 0, field: "prefetch" },
};

/** What the sweep panel asks the worker for. */
export interface SweepInput {
  queueId: string;
  param: SweepParam;
  /** The planner's sweep path (by queue index, so any id works) and the values in the scenario's units. */
  path: string;
  values: number[];
  messages: number;
  replications: number;
  /** The optional second parameter of a 2-D sweep (the grid's y), its sweep path and values in the scenario's units. */
  second?: { param: SweepParam; path: string; values: number[] };
}

/** Messages per replication and replications of each sweep point: short runs, intervals still possible. */
export const sweepMessages = 20_000;
export const sweepReplications = 5;

/** The current value of `param` in `queue`, in the panel's unit; undefined when it has none to sweep. */
export function currentParamValue(queue: QueueSpec, param: SweepParam): number | undefined {
  const k = sweepParams[param].factor;
  switch (param) {
    case "rate": return queue.arrival && "rate" in queue.arrival && typeof queue.arrival.rate === "number" ? queue.arrival.rate : undefined;
    case "consumers": return typeof queue.consumers === "number" ? queue.consumers : undefined;
    case "serviceMean": return "mean" in queue.service && typeof queue.service.mean === "number" ? queue.service.mean * k : undefined;
    case "serviceCv": return "cv" in queue.service && typeof queue.service.cv === "number" ? queue.service.cv : queue.service.dist === "exponential" ? 1 : undefined;
    case "prefetch": return queue.prefetch;
  }
}

/** The parameters `queue` can be swept over. */
export function sweepableParams(queue: QueueSpec): SweepParam[] {
  return (Object.keys(sweepParams) as SweepParam[]).filter((p) => currentParamValue(queue, p) !== undefined);
}

const round = (x: number) => Number(x.toPrecision(6));

/** A default range around the current value: [from, to] and how many points. */
export function defaultRange(queue: QueueSpec, param: SweepParam): { from: number; to: number; points: number } {
  const v = currentParamValue(queue, param) ?? 1;
  switch (param) {
    case "consumers": return { from: Math.max(1, v - 1), to: Math.max(1, v - 1) + 5, points: 6 };
    case "prefetch": return { from: 1, to: 20, points: 6 };
    case "serviceCv": return { from: 0.25, to: 2, points: 8 };
    default: return { from: round(v * 0.5), to: round(v * 1.5), points: 6 };
  }
}

type Parsed = { ok: true; values: number[] } | { ok: false; message: string };

/** Evenly spaced values from `from` to `to` (in the panel's unit), whole and distinct for whole-number parameters. */
export function sweepValuesOf(param: SweepParam, fromText: string, toText: string, pointsText: string): Parsed {
  const spec = sweepParams[param];
  const from = Number(fromText.trim());
  const to = Number(toText.trim());
  const points = Number(pointsText.trim());
  if (fromText.trim() === "" || !Number.isFinite(from)) return { ok: false, message: `from: ${JSON.stringify(fromText)} is not a number` };
  if (toText.trim() === "" || !Number.isFinite(to)) return { ok: false, message: `to: ${JSON.stringify(toText)} is not a number` };
  if (!(Number.isInteger(points) && points >= 2 && points <= 25)) return { ok: false, message: "points: a whole number from 2 to 25" };
  if (!(to > from)) return { ok: false, message: "to must be larger than from" };
  if (from < spec.min) return { ok: false, message: `from: at least ${spec.min}` };
  if (param === "serviceMean" && !(from > 0)) return { ok: false, message: "from: a service time must be > 0" };
  let values = Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
  if (spec.integer) values = [...new Set(values.map(Math.round))];
  return { ok: true, values: values.map((v) => round(v / spec.factor)) };
}

/**
 * The sweep input for `param` of queue `queueId` with `values` in the scenario's units, and
 * optionally a second parameter for a 2-D grid (first parameter outermost, as `runSweep`).
 */
export function sweepInputOf(scenario: Scenario, queueId: string, param: SweepParam, values: number[], second?: { param: SweepParam; values: number[] }): SweepInput {
  const index = scenario.queues.findIndex((q) => q.id === queueId);
  const messages = Math.min(scenario.run.messages ?? sweepMessages, sweepMessages);
  const path = (p: SweepParam) => `queues[${index}].${sweepParams[p].field}`;
  const input: SweepInput = { queueId, param, path: path(param), values, messages, replications: sweepReplications };
  return second ? { ...input, second: { param: second.param, path: path(second.param), values: second.values } } : input;
}

/** Most points of a 2-D sweep from the page (the planner's own limit is 400; short runs keep the page responsive). */
export const maxGridPoints = 144;

/** Checks a 2-D grid's size: an error message naming both counts, or null when it may run. */
export function gridSizeError(first: number, second: number): string | null {
  return first * second > maxGridPoints ? `${first} × ${second} = ${first * second} points: at most ${maxGridPoints} in a 2-D sweep` : null;
}
