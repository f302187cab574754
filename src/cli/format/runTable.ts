import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import { figureRows as rows, type Kind } from "../../report/figures.ts";
import type { RunResult } from "../../simulation/result.ts";

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

/** The human-readable `kendall run` output: one block per queue, simulated beside analytic. */
export function formatRunTable(result: RunResult, label: string): string {
  const out: string[] = [label, ""];
  for (const [id, q] of Object.entries(result.queues)) {
    const s = q.simulated;
    const a = q.analytic;
    const model = a ? `${String(a.model)}, ${a.exact ? "exact" : "approximation"}` : `no analytic model: ${q.analyticReason ?? "none applies"}`;
    const unstable = result.unstable.find((u) => u.queue === id);
    out.push(`queue ${JSON.stringify(id)} (${model})`);
    if (unstable) out.push(`  UNSTABLE: rho = ${formatNumber(unstable.rho)} per consumer; the backlog grows by ${formatNumber(unstable.growthPerS)} msg/s (simulated ${formatNumber(s.backlogGrowth)} msg/s). Means below describe this run only, not a steady state.`);
    const lines: string[][] = [["metric", "simulated (95% CI)", "analytic"]];
    for (const [labelText, key, kind, steadyOnly, analyticKey] of rows) {
      const e = s[key] as { mean: number; ci95: number };
      const sim = steadyOnly && !s.steady ? "grows without bound" : formatEstimate(e.mean, e.ci95, kind);
      lines.push([labelText, sim, analyticCell(a, analyticKey ?? key, kind)]);
    }
    const aw = a?.wait as Record<string, number> | undefined;
    for (const p of ["p50", "p95", "p99", "p999"] as const) {
      const label2 = `${p === "p999" ? "p99.9" : p} wait`;
      lines.push([label2, s.steady ? formatSeconds(s.wait[p]) : "grows without bound", aw && typeof aw[p] === "number" ? formatSeconds(aw[p]) : ""]);
    }
    out.push(table(lines));
    if (a && typeof a.note === "string") out.push(`  note: ${a.note}`);
    const c = s.counts;
    out.push(`  counts: published ${c.published}, acked ${c.acked}, redelivered ${c.redelivered}, expired ${c.expired}, dead-lettered ${c.deadLettered}, dropped ${c.dropped}, in flight ${c.inFlight}`, "");
  }
  if (result.network) {
    const n = result.network.simulated;
    out.push(`end to end: W ${formatEstimate(n.W.mean, n.W.ci95, "seconds")}, p99 ${formatSeconds(n.sojourn.p99)}`);
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
  out.push(`${result.replications} replication${result.replications === 1 ? "" : "s"}, ${warm}; ${formatNumber(result.runtime.events)} events in ${formatNumber(result.runtime.wallMs / 1000, 3)} s (${formatNumber(result.runtime.eventsPerSec / 1e6, 3)} M events/s)`);
  return out.join("\n") + "\n";
}
