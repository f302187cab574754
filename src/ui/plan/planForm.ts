import { DEFAULT_DROP_TERM, parseSlo, SloSyntaxError, type SizeItem, type Slo } from "../../planner/index.ts";

/** What the plan panel asks the planner: the SLO text, the optional growth and cost, and what else to size. */
export interface PlanInput {
  slo: string;
  /** Traffic multipliers of the growth table; undefined: the planner's default (1, 1.5, 2, 3). */
  growth?: number[];
  /** Cost of one consumer for one hour; undefined: no costs. */
  costPerHour?: number;
  /** What to size: consumers, then prefetch and/or capacity; undefined: consumers only. */
  size?: SizeItem[];
}

/** The plan form as typed: text fields, and whether to size prefetch and capacity too. */
export interface PlanFormFields {
  slo: string;
  growth: string;
  cost: string;
  sizePrefetch?: boolean;
  sizeCapacity?: boolean;
}

/** The SLO field's verdict: the parsed SLO, or where (1-based character) and why it fails. */
export type SloCheck = { ok: true; slo: Slo } | { ok: false; position: number | null; reason: string };

/** An example SLO, shown as the field's placeholder and used when the panel opens. */
export const exampleSlo = "p99(wait) < 200ms and dropped < 0.1%";

/** Parses the SLO field; an empty field asks for an expression. */
export function checkSlo(text: string): SloCheck {
  if (text.trim() === "") return { ok: false, position: null, reason: `type an SLO, e.g. ${exampleSlo}` };
  try {
    return { ok: true, slo: parseSlo(text) };
  } catch (error) {
    if (error instanceof SloSyntaxError) return { ok: false, position: error.position, reason: error.reason };
    return { ok: false, position: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The growth field: traffic multipliers separated by commas or spaces (each > 0, at most 20); empty: the default. */
export function parseGrowthText(text: string): Parsed<number[] | undefined> {
  const words = text.split(/[\s,;]+/).filter((w) => w !== "");
  if (words.length === 0) return { ok: true, value: undefined };
  if (words.length > 20) return { ok: false, message: `${words.length} factors: give at most 20` };
  const factors: number[] = [];
  for (const w of words) {
    const f = Number(w.replace(/^[x×]|[x×]$/g, ""));
    if (!(f > 0 && f <= 1e6)) return { ok: false, message: `${JSON.stringify(w)} is not a traffic multiplier (a number > 0, like 1.5)` };
    factors.push(f);
  }
  return { ok: true, value: factors };
}

/** The cost field: the cost of one consumer for one hour (>= 0); empty: no costs. */
export function parseCostText(text: string): Parsed<number | undefined> {
  const t = text.trim().replace(/^[$€£¥]/, "");
  if (t === "") return { ok: true, value: undefined };
  const cost = Number(t);
  if (!(cost >= 0 && Number.isFinite(cost))) return { ok: false, message: `${JSON.stringify(text.trim())} is not a cost (a number >= 0, like 0.05)` };
  return { ok: true, value: cost };
}

/** The whole form: a plan input when every field is valid, else the messages of those that are not. */
export function planInputOf(form: PlanFormFields): { ok: true; input: PlanInput } | { ok: false; slo?: SloCheck; growth?: string; cost?: string } {
  const slo = checkSlo(form.slo);
  const growth = parseGrowthText(form.growth);
  const cost = parseCostText(form.cost);
  if (!slo.ok || !growth.ok || !cost.ok) {
    return { ok: false, ...(slo.ok ? {} : { slo }), ...(growth.ok ? {} : { growth: growth.message }), ...(cost.ok ? {} : { cost: cost.message }) };
  }
  const input: PlanInput = { slo: form.slo.trim() };
  if (growth.value) input.growth = growth.value;
  if (cost.value !== undefined) input.costPerHour = cost.value;
  if (form.sizePrefetch || form.sizeCapacity) input.size = ["consumers", ...(form.sizePrefetch ? ["prefetch" as const] : []), ...(form.sizeCapacity ? ["capacity" as const] : [])];
  return { ok: true, input };
}

/**
 * The drop term a capacity will be sized against although the SLO does not say it (the
 * planner's DEFAULT_DROP_TERM), or null: capacity not asked, the SLO bounds drops, or it does not parse.
 */
export function assumedDropTerm(form: PlanFormFields): string | null {
  if (!form.sizeCapacity) return null;
  const slo = checkSlo(form.slo);
  return slo.ok && !slo.slo.terms.some((t) => t.metric.kind === "dropped") ? DEFAULT_DROP_TERM : null;
}
