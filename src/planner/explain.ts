import { formatFigure, formatInterval } from "./figures.ts";
import type { QueueSizing } from "./size.ts";
import type { SimulatedSizing } from "./simSearch.ts";
import type { AnalyticTerm, SimulatedTerm } from "./slo/evaluate.ts";
import { metricLabel, type Slo } from "./slo/types.ts";

/** "1 consumer", "3 consumers". */
export function consumersText(n: number): string {
  return `${n} consumer${n === 1 ? "" : "s"}`;
}

/** The simulated figures of one check: its terms, in the SLO's order. */
type SimFigures = { terms: SimulatedTerm[] };
/** The analytic figures of one check: the model and its terms, in the SLO's order. */
type ModelFigures = { model: string; terms: AnalyticTerm[] };

/** One term's figures: `p99 wait 141 ms (simulated 95% CI 133-150 ms; analytic 138 ms)`. */
function termFigures(slo: Slo, k: number, sim: SimFigures | null, analytic: ModelFigures | null): string {
  const term = slo.terms[k]!;
  const label = metricLabel(term.metric);
  const a = analytic?.terms[k]?.value;
  const aText = a === undefined ? (analytic ? "analytic: not given by the model" : "") : `analytic ${formatFigure(term.metric, a)}`;
  const s = sim?.terms[k];
  if (!s) return `${label} ${a === undefined ? "n/a" : formatFigure(term.metric, a)} (analytic${analytic ? `, ${analytic.model}` : ""})`;
  if (s.unstable && s.value === Infinity) return `${label} unbounded: the queue grows without bound`;
  const ci = s.ci95 === null ? "simulated, one replication" : `simulated 95% CI ${formatInterval(term.metric, s.value - s.ci95, s.value + s.ci95)}`;
  return `${label} ${formatFigure(term.metric, s.value)} (${[ci, aText].filter(Boolean).join("; ")})`;
}

/** The figures of the SLO's terms (those `only` keeps), joined by commas. */
export function allTerms(slo: Slo, sim: SimFigures | null, analytic: ModelFigures | null, only?: (k: number) => boolean): string {
  return slo.terms.flatMap((_, k) => (only && !only(k) ? [] : [termFigures(slo, k, sim, analytic)])).join(", ");
}

function fewerSentence(slo: Slo, r: QueueSizing): string {
  if (!r.fewer || r.consumers === null) return "";
  const n = consumersText(r.consumers - 1);
  const fail = r.consumers - 1 === 1 ? "fails" : "fail";
  const { simulated: s, analytic: a } = r.fewer;
  if (s) {
    if (s.verdict === "close") {
      return ` With ${n} the simulation is too close to tell (its 95% interval straddles the bound): ${allTerms(slo, s, a, (k) => s.terms[k]!.verdict === "close")}; ${r.consumers} is the smallest count that clearly meets.`;
    }
    if (s.verdict === "fails") return ` ${n} ${fail}: ${allTerms(slo, s, a, (k) => s.terms[k]!.verdict === "fails")}.`;
    return "";
  }
  return a ? ` ${n} ${fail}: ${allTerms(slo, null, a, (k) => a.terms[k]!.verdict === "fails")}.` : "";
}

function methodSentence(slo: Slo, r: QueueSizing, sim: SimulatedSizing | null): string {
  const a = r.analytic;
  const model = a ? `${a.model}${a.exact ? "" : " (an approximation)"}` : "";
  const missing = a ? a.terms.flatMap((t, k) => (t.value === undefined ? [metricLabel(slo.terms[k]!.metric)] : [])) : [];
  const partial = missing.length ? ` The model does not give ${missing.join(", ")}: the simulation decides ${missing.length === 1 ? "it" : "them"}.` : "";
  if (!sim) return ` Analytic model ${model}; not simulated.`;
  const c = r.consumers!;
  const tried = ` Simulated at ${r.checked.map((x) => `${x.consumers} (${x.verdict === "close" ? "too close to tell" : x.verdict})`).join(", ")}.`;
  if (r.analyticConsumers === null) return ` No analytic answer (${r.analyticReason ?? "no model"}); sized by simulation.${tried}`;
  if (r.method === "analytic+simulation") return ` Sized with the analytic model ${model}, confirmed by simulation at ${c}${c > 1 ? ` and ${c - 1}` : ""}.${partial}`;
  const ca = r.analyticConsumers;
  const which = `${r.analyticModel ?? a?.model ?? "model"}${a && !a.exact ? ", an approximation" : ""}`;
  const why = ca < c ? `the simulation does not clearly meet the SLO at ${ca}` : `the simulation already meets it at ${c}`;
  const note = a?.note ? ` (model note: ${a.note})` : "";
  return ` The analytic model gives ${ca} (${which}), but ${why}: the simulation decides${note}.${partial}${tried}`;
}

/**
 * The one-paragraph answer for a queue, saying what was checked and how:
 * "3 consumers: p99 wait 141 ms (simulated 95% CI 133-150 ms; analytic 138 ms). 2 consumers
 * fail: ... Sized with the analytic model M/M/3, confirmed by simulation at 3 and 2."
 */
export function explainSizing(slo: Slo, r: QueueSizing, sim: SimulatedSizing | null): string {
  if (r.consumers === null) {
    const tried = r.checked.length ? ` Simulated at ${r.checked.map((x) => `${x.consumers} (${x.verdict === "close" ? "too close to tell" : x.verdict})`).join(", ")}.` : "";
    return `No answer: ${r.reason}.${tried}`;
  }
  const head = `${consumersText(r.consumers)}: ${allTerms(slo, r.simulated, r.analytic)}.`;
  return head + fewerSentence(slo, r) + methodSentence(slo, r, sim);
}
