/** The numeric controls of the page: what each accepts and how it says no. */
export type FieldKey = "rate" | "serviceMeanMs" | "serviceCv" | "consumers" | "prefetch" | "capacity" | "seed" | "messages" | "replications";

export interface FieldSpec {
  label: string;
  unit: string;
  /** Whole numbers only. */
  integer: boolean;
  /** Smallest accepted value, and whether it is itself accepted. */
  min: number;
  minInclusive: boolean;
  max: number;
  /** What the field accepts, in words, for the refusal message. */
  accepts: string;
}

const whole = (label: string, unit: string, min: number, max: number, accepts: string): FieldSpec => ({ label, unit, integer: true, min, minInclusive: true, max, accepts });

/** Every field, with its limits (the scenario schema's, or tighter where the page needs it). */
export const fieldSpecs: Record<FieldKey, FieldSpec> = {
  rate: { label: "Arrival rate", unit: "msg/s", integer: false, min: 0, minInclusive: true, max: 1e7, accepts: "a rate >= 0 msg/s" },
  serviceMeanMs: { label: "Mean service time", unit: "ms", integer: false, min: 0, minInclusive: false, max: 1e9, accepts: "a time > 0 ms" },
  serviceCv: { label: "Service cv", unit: "", integer: false, min: 0, minInclusive: true, max: 100, accepts: "a coefficient of variation >= 0" },
  consumers: whole("Consumers", "", 1, 100_000, "a whole number of consumers from 1 to 100000"),
  prefetch: whole("Prefetch", "", 0, 1_000_000, "a whole number >= 0 (0 = unlimited)"),
  capacity: whole("Capacity", "msg", 0, 1e9, "a whole number of messages >= 0"),
  seed: whole("Seed", "", 0, Number.MAX_SAFE_INTEGER, "a whole number >= 0"),
  messages: whole("Messages per replication", "", 1, 1e9, "a whole number of messages from 1 to 10^9"),
  replications: whole("Replications", "", 1, 1000, "a whole number from 1 to 1000"),
};

export type FieldParse = { ok: true; value: number } | { ok: false; message: string };

/** Reads what was typed in a field: a finite number within the field's limits, or why not. */
export function parseFieldText(field: FieldKey, text: string): FieldParse {
  const spec = fieldSpecs[field];
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: `enter ${spec.accepts}` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${quote(trimmed)} is not a number: enter ${spec.accepts}` };
  const belowMin = spec.minInclusive ? !(value >= spec.min) : !(value > spec.min);
  if (belowMin || value > spec.max || (spec.integer && !Number.isInteger(value))) {
    return { ok: false, message: `${quote(trimmed)} is refused: enter ${spec.accepts}` };
  }
  return { ok: true, value };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
}
