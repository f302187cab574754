import { useState } from "react";
import type { QueueSpec } from "../../scenario/index.ts";
import { defaultRange, sweepValuesOf, type SweepParam } from "./sweepForm.ts";

/** The from, to and points fields of one swept parameter, as typed. */
export interface RangeText {
  from: string;
  to: string;
  points: string;
}

/**
 * The range fields of `param` of `queue`: the default range around the current value until
 * the user types, reset when the queue or the parameter changes; and the values they give.
 */
export function useSweepRange(queue: QueueSpec | undefined, queueId: string, param: SweepParam) {
  const [range, setRange] = useState<(RangeText & { key: string }) | null>(null);
  const key = `${queueId}:${param}`;
  const initial = queue ? defaultRange(queue, param) : { from: 1, to: 6, points: 6 };
  const shown = range?.key === key ? range : { key, from: String(initial.from), to: String(initial.to), points: String(initial.points) };
  const values = sweepValuesOf(param, shown.from, shown.to, shown.points);
  const setField = (field: keyof RangeText, text: string) => setRange({ ...shown, [field]: text });
  return { shown, values, setField };
}
