import { formatNumber } from "../report/format.ts";
import type { CapacitySizing } from "./capacity.ts";
import { startQuantile } from "./capacitySearch.ts";
import { allTerms, consumersText } from "./explain.ts";
import type { PrefetchSizing } from "./prefetch.ts";
import type { Verdict } from "./slo/evaluate.ts";
import type { Slo } from "./slo/types.ts";

const said = (v: Verdict) => (v === "close" ? "too close to tell" : v);
const prefetchName = (p: number) => (p === 0 ? "unlimited" : String(p));

/** "2 (meets), 5 (fails)": what was simulated, in order. */
function triedText<K extends string>(key: K, checked: ({ [k in K]: number } & { verdict: Verdict })[]): string {
  return checked.map((c) => `${c[key]} (${said(c.verdict)})`).join(", ");
}

function nextSentence(slo: Slo, r: PrefetchSizing): string {
  const n = r.next;
  if (r.value === null || !n) return "";
  if (n.verdict === "close") {
    return ` At prefetch ${n.prefetch} the simulation is too close to tell (its 95% interval straddles the bound): ${allTerms(slo, n, null, (k) => n.terms[k]!.verdict === "close")}; ${r.value} is the largest that clearly meets.`;
  }
  if (n.verdict === "fails") return ` Prefetch ${n.prefetch} fails: ${allTerms(slo, n, null, (k) => n.terms[k]!.verdict === "fails")}.`;
  return ` Prefetch ${n.prefetch} also meets, but the search stopped at its budget of simulations.`;
}

function oneMoreSentence(r: PrefetchSizing): string {
  const m = r.oneMore;
  if (!m) return "";
  const top = r.ladder[r.ladder.length - 1]!;
  const c = `${consumersText(m.consumers)} (one more)`;
  const tried = ` (simulated at ${triedText("prefetch", m.checked)})`;
  if (m.value === null) return ` With ${c} even prefetch 1 does not clearly meet it${tried}.`;
  if (m.value === top) return ` With ${c} every prefetch up to ${top} meets${tried}.`;
  return ` With ${c} prefetch up to ${m.value} meets${tried}.`;
}

/**
 * The prefetch answer in words, saying what was checked and how: "Prefetch 2 with 3
 * consumers: p95 wait 60.5 ms (simulated 95% CI 58.7-62.3 ms). Prefetch 5 fails: ... Prefetch
 * is sized by simulation only ...; simulated at 1 (meets), 2 (meets), 5 (fails). With 4
 * consumers (one more) every prefetch up to 1000 meets (...)."
 */
export function explainPrefetch(slo: Slo, r: PrefetchSizing): string {
  const how = ` Prefetch is sized by simulation only (no analytic model has a prefetch window): the largest of ${r.ladder.join(", ")} that clearly meets the SLO`;
  const tried = r.checked.length ? `; simulated at ${triedText("prefetch", r.checked)}` : "";
  if (r.value === null) {
    const first = r.next ? ` Prefetch 1: ${allTerms(slo, r.next, null, (k) => r.next!.terms[k]!.verdict !== "meets")}.` : "";
    const after = r.checked.length ? `${how}${tried}.` : "";
    return `No prefetch answer: ${r.reason}.${first}${after}${oneMoreSentence(r)}`;
  }
  const top = r.ladder[r.ladder.length - 1]!;
  // An answer is only sized at a consumer count.
  const head = `Prefetch ${r.value} with ${consumersText(r.consumers!)} (now ${prefetchName(r.current)}): ${allTerms(slo, r.simulated, null)}.`;
  const atTop = r.value === top ? ` Every prefetch on the ladder up to ${top} meets; larger ones were not tried.` : "";
  return `${head}${nextSentence(slo, r)}${atTop}${how}${tried}.${oneMoreSentence(r)}`;
}

function smallerSentence(slo: Slo, r: CapacitySizing): string {
  if (!r.smaller || r.value === null) return "";
  const k = r.value - 1;
  const { simulated: s, analytic: a } = r.smaller;
  if (s) {
    if (s.verdict === "close") {
      return ` At capacity ${k} the simulation is too close to tell (its 95% interval straddles the bound): ${allTerms(slo, s, a, (i) => s.terms[i]!.verdict === "close")}; ${r.value} is the smallest that clearly meets.`;
    }
    if (s.verdict === "fails") return ` Capacity ${k} fails: ${allTerms(slo, s, a, (i) => s.terms[i]!.verdict === "fails")}.`;
    return ` Capacity ${k} also meets in simulation: the search stopped at its budget of simulations.`;
  }
  return a ? ` Capacity ${k} fails: ${allTerms(slo, null, a, (i) => a.terms[i]!.verdict === "fails")}.` : "";
}

/** The wait quantile the start estimate used: 98.8 for a 1.2% drop bound. */
function startLevel(slo: Slo): string {
  return formatNumber(100 * startQuantile(slo), 6);
}

function capacityMethod(slo: Slo, r: CapacitySizing): string {
  const a = r.analytic;
  const model = a ? `${a.model}${a.exact ? "" : " (an approximation)"}` : "";
  const tried = r.checked.length ? ` Simulated at ${triedText("capacity", r.checked)}.` : "";
  if (r.method === "analytic") return ` Sized with the analytic model ${model}; not simulated.`;
  const k = r.value!;
  if (r.analyticValue === null) {
    const from = r.start !== undefined ? ` from ${r.start} (an estimate: the arrival rate times the p${startLevel(slo)} wait at the current capacity)` : "";
    return ` No analytic answer (${r.analyticReason ?? "no model"}); sized by simulation${from}.${tried}`;
  }
  if (r.method === "analytic+simulation") return ` Sized with the analytic model ${model}, confirmed by simulation at ${k}${k > 0 ? ` and ${k - 1}` : ""}.`;
  const why = r.analyticValue < k ? `the simulation does not clearly meet the SLO at ${r.analyticValue}` : `the simulation already meets it at ${k}`;
  const which = `${r.analyticModel ?? a?.model ?? "model"}${a && !a.exact ? ", an approximation" : ""}`;
  const note = a?.note ? ` (model note: ${a.note})` : "";
  return ` The analytic model gives ${r.analyticValue} (${which}), but ${why}: the simulation decides${note}.${tried}`;
}

function capacityNotes(r: CapacitySizing): string {
  const notes: string[] = [];
  if (r.assumed) notes.push(`The SLO has no drop clause, so ${r.assumed} was assumed (without a bound on drops the smallest capacity would be 0: a shorter queue only shortens the wait); add a dropped term to choose another.`);
  if (r.overflow === "drop-head") notes.push("With drop-head overflow a full queue dead-letters its oldest message (reason maxlen) instead of refusing the publish: the dropped bound is applied to those dead letters.");
  if (r.prefetch === 0) notes.push("With unlimited prefetch the consumers take every message at once: the ready queue stays empty and the capacity never binds.");
  else if (r.prefetch > 1 && r.consumers !== null) notes.push(`The capacity counts ready messages only, as x-max-length does: the consumers' prefetch windows hold up to ${r.consumers} x ${r.prefetch} = ${r.consumers * r.prefetch} more.`);
  return notes.length ? ` ${notes.join(" ")}` : "";
}

/**
 * The capacity answer in words, saying what was checked and how: "Capacity 8 (ready messages,
 * reject-publish) with 3 consumers at prefetch 1: dropped 0.026% (simulated 95% CI ...;
 * analytic 0.03%), ... Capacity 7 fails: ... Sized with the analytic model M/M/3/11,
 * confirmed by simulation at 8 and 7."
 */
export function explainCapacity(slo: Slo, r: CapacitySizing): string {
  if (r.value === null) {
    const tried = r.checked.length ? ` Simulated at ${triedText("capacity", r.checked)}.` : "";
    return `No capacity answer: ${r.reason}.${tried}${r.consumers === null ? "" : capacityNotes(r)}`;
  }
  const now = r.current === null ? "unbounded" : String(r.current);
  // An answer is only sized at a consumer count.
  const head = `Capacity ${r.value} (ready messages, ${r.overflow}; now ${now}) with ${consumersText(r.consumers!)} at prefetch ${prefetchName(r.prefetch)}: ${allTerms(slo, r.simulated, r.analytic)}.`;
  return head + smallerSentence(slo, r) + capacityMethod(slo, r) + capacityNotes(r);
}
