import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import { analyticFigure, figureRows as rows, type Kind } from "../../report/figures.ts";
import type { Scenario } from "../../scenario/types.ts";
import type { RunResult, SimulatedQueue } from "../../simulation/result.ts";

function analyticCell(a: Record<string, unknown> | null, key: string, kind: Kind): string {
  const v = a?.[key];
  if (typeof v !== "number") return v === null && a ? "unbounded" : "";
  if (kind === "seconds") return formatSeconds(v);
  if (kind === "percent") return formatPercent(v);
  if (kind === "rate") return `${formatNumber(v)}/s`;
  return formatNumber(v);
}

/** Where each run limit is set, as README.md ("Limits") documents it. */
const stopLimits: Record<string, string> = {
  "backlog limit": "a queue held more than run.backlogLimit ready messages, 1,000,000 by default",
  "event budget": "run.eventBudget events, 2·10^9 by default",
};

function table(lines: string[][]): string {
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? "").length)));
  return lines.map((l) => "  " + l.map((cell, c) => cell.padEnd(widths[c]!)).join("   ").trimEnd()).join("\n");
}

const grows = "grows without bound";
// What a mean over served messages reads when no message was acked in the measured part of
// the run (a delay queue without consumers; every delivery nacked): the JSON has 0 there.
const noneServed = "no message served";
// The figures that are means or percentiles over served messages.
const perServed = new Set(["W", "Wq", "pWait"]);

const percentiles = [["p50", "p50"], ["p95", "p95"], ["p99", "p99"], ["p99.9", "p999"]] as const;

/** Whether no message was acked at the queue after warm-up, in any replication. */
function isNoneServed(s: SimulatedQueue): boolean {
  return s.counts.acked === 0 || s.throughput.mean === 0;
}

/** Per-queue message counts, and the dead letters by reason when there are any. */
function countLines(s: SimulatedQueue, deadLetters: boolean): string[] {
  const c = s.counts;
  const out = [`  counts: published ${c.published}, delivered ${c.delivered}, acked ${c.acked}, nacked ${c.nacked}, redelivered ${c.redelivered}, expired ${c.expired}, dead-lettered ${c.deadLettered}, dropped ${c.dropped}, in flight ${c.inFlight}`];
  const r = c.deadLetteredByReason;
  // Expiries are counted apart from dead letters; they are dead-lettered when the queue has a target.
  const reasons: [string, number][] = [["maxlen", r.maxlen], ["rejected", r.rejected], ["delivery_limit", r.delivery_limit], ["expired", deadLetters ? c.expired : 0]];
  const given = reasons.filter(([, n]) => n > 0);
  if (given.length > 0) out.push(`  dead-lettered by reason: ${given.map(([k, n]) => `${k} ${n}${k === "expired" ? " (counted as expired)" : ""}`).join(", ")}`);
  return out;
}

/** The per-class block of a priority queue: simulated W, Wq and waits, the model's W and Wq beside them. */
function classTable(s: SimulatedQueue, analytic: Record<string, unknown> | null): string | null {
  if (!s.classes) return null;
  const models = analytic?.classes as Record<string, Record<string, unknown>> | null | undefined;
  const withModel = typeof models === "object" && models !== null;
  const head = withModel ? ["class", "W (95% CI)", "analytic", "Wq (95% CI)", "analytic"] : ["class", "W (95% CI)", "Wq (95% CI)"];
  const lines: string[][] = [[...head, ...percentiles.map(([label]) => `${label} wait`)]];
  for (const [name, k] of Object.entries(s.classes)) {
    // Sojourn times are > 0 (service means are), so an all-zero sojourn means no message of the class was served.
    const empty = k.W.mean === 0 && k.sojourn.p999 === 0;
    const cell = (text: () => string) => (!s.steady ? grows : empty ? noneServed : text());
    const model = (key: "W" | "Wq") => {
      // By key, not by dotted path: a class name may contain dots.
      const v = analyticFigure(models?.[name] ?? null, key);
      return withModel ? [v === undefined ? "" : formatSeconds(v)] : [];
    };
    lines.push([
      JSON.stringify(name),
      cell(() => formatEstimate(k.W.mean, k.W.ci95, "seconds")), ...model("W"),
      cell(() => formatEstimate(k.Wq.mean, k.Wq.ci95, "seconds")), ...model("Wq"),
      ...percentiles.map(([, key]) => cell(() => formatSeconds(k.wait[key]))),
    ]);
  }
  return table(lines);
}

/** The end-to-end line: simulated W beside the network model's, and the p99. */
function networkLine(n: NonNullable<RunResult["network"]>): string {
  const s = n.simulated;
  const a = n.analytic;
  const w = analyticFigure(a, "W");
  const model = a && w !== undefined ? `analytic ${formatSeconds(w)}, ${String(a.model)}, ${a.exact ? "exact" : "approximation"}` : "no analytic network model: not an open Jackson network";
  if (s.served === 0) return `end to end: no message completed (${model})`;
  return `end to end: W ${formatEstimate(s.W.mean, s.W.ci95, "seconds")} (${model}), p99 ${formatSeconds(s.sojourn.p99)}`;
}

/**
 * The human-readable `kendall run` output: one block per queue, simulated beside analytic, its
 * counts (and classes), then the end-to-end figures. `scenario` tells which queues dead-letter
 * their expired messages.
 */
export function formatRunTable(result: RunResult, label: string, scenario?: Scenario): string {
  const out: string[] = [label, ""];
  const deadLetters = new Set(scenario?.queues.filter((q) => q.deadLetter !== undefined).map((q) => q.id));
  for (const [id, q] of Object.entries(result.queues)) {
    const s = q.simulated;
    const a = q.analytic;
    const model = a ? `${String(a.model)}, ${a.exact ? "exact" : "approximation"}` : `no analytic model: ${q.analyticReason ?? "none applies"}`;
    const unstable = result.unstable.find((u) => u.queue === id);
    out.push(`queue ${JSON.stringify(id)} (${model})`);
    if (unstable) out.push(`  UNSTABLE: rho = ${formatNumber(unstable.rho)} per consumer; the backlog grows by ${formatNumber(unstable.growthPerS)} msg/s (simulated ${formatNumber(s.backlogGrowth)} msg/s). Means below describe this run only, not a steady state.`);
    const none = isNoneServed(s);
    const lines: string[][] = [["metric", "simulated (95% CI)", "analytic"]];
    for (const [labelText, key, kind, steadyOnly, analyticKey] of rows) {
      const e = s[key] as { mean: number; ci95: number };
      const sim = steadyOnly && !s.steady ? grows : none && perServed.has(key) ? noneServed : formatEstimate(e.mean, e.ci95, kind);
      lines.push([labelText, sim, analyticCell(a, analyticKey ?? key, kind)]);
      if (key === "utilization") lines.push(["consumer capacity", formatEstimate(s.consumerCapacity.mean, s.consumerCapacity.ci95, "percent"), analyticCell(a, "consumerCapacity", "percent")]);
    }
    const aw = a?.wait as Record<string, number> | undefined;
    for (const [labelText, p] of percentiles) {
      lines.push([`${labelText} wait`, !s.steady ? grows : none ? noneServed : formatSeconds(s.wait[p]), aw && typeof aw[p] === "number" ? formatSeconds(aw[p]) : ""]);
    }
    out.push(table(lines));
    if (a && typeof a.note === "string") out.push(`  note: ${a.note}`);
    out.push(...countLines(s, deadLetters.has(id)));
    const classes = classTable(s, a);
    if (classes) out.push(classes);
    out.push("");
  }
  if (result.network) {
    const n = result.network.simulated;
    out.push(networkLine(result.network));
    const lines: string[][] = [["route", "share", "W (95% CI)", "p99"]];
    for (const r of n.routes.slice(0, 8)) lines.push([r.route, formatPercent(r.share), formatEstimate(r.W.mean, r.W.ci95, "seconds"), formatSeconds(r.sojourn.p99)]);
    if (n.routes.length > 8) lines.push([`(${n.routes.length - 8} more routes in --json)`, "", "", ""]);
    if (n.routes.length > 0) out.push(table(lines));
    out.push("");
  }
  if (result.stopped) {
    const { reason, replication } = result.stopped;
    const limit = stopLimits[reason];
    out.push(`stopped early: ${reason} reached in replication ${(replication ?? 0) + 1}${limit ? ` (${limit})` : ""}; the figures cover the part that ran`);
  }
  const w = result.warmup;
  const warm = w.method === "MSER-5" ? `warm-up MSER-5: ${w.messages} messages${w.detected ? "" : " (no clear end of the transient: consider a longer run)"}` : w.method === "fixed" ? `warm-up fixed` : "no warm-up";
  out.push(`${result.replications} replication${result.replications === 1 ? "" : "s"}, ${warm}; ${formatNumber(result.runtime.events)} events in ${formatNumber(result.runtime.wallMs / 1000, 3)} s (${formatNumber(result.runtime.eventsPerSec / 1e6, 3)} M events/s)${result.runtime.threads ? ` on ${result.runtime.threads} threads` : ""}`);
  return out.join("\n") + "\n";
}
