import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import { escapeText } from "../../scenario/index.ts";
import type { SweepFigure, SweepResult } from "./run.ts";
import type { SweepValue } from "./values.ts";

const valueText = (v: SweepValue) => (typeof v === "string" ? v : String(v));

function estimate(f: SweepFigure | null, kind: "seconds" | "percent", unstable: boolean): string {
  if (f === null) return unstable ? "unstable" : "";
  // Rounding noise (a utilization of exactly 1 give or take 1e-14) is no interval.
  const ci = f.ci95 !== null && f.ci95 > 1e-9 * Math.abs(f.mean) ? f.ci95 : 0;
  return formatEstimate(f.mean, ci, kind);
}

const analyticCell = (v: number | null | undefined, kind: "seconds" | "percent", unstable: boolean) =>
  unstable ? "unstable" : v === null || v === undefined ? "" : kind === "seconds" ? formatSeconds(v) : formatPercent(v);

/** The sweep as text: one row per point and queue, figures with their 95% half-widths. */
export function formatSweep(r: SweepResult): string {
  const head = [...r.params.map((p) => escapeText(p.path)), "queue", "W", "Wq", "p99 wait", "utilization", "P(refused)", "analytic W", "analytic p99 wait"];
  const rows: string[][] = [head];
  for (const p of r.points) {
    for (const [id, q] of Object.entries(p.queues)) {
      const a = q.analytic;
      rows.push([
        ...p.values.map((v) => escapeText(valueText(v))),
        escapeText(id),
        estimate(q.W, "seconds", q.unstable),
        estimate(q.Wq, "seconds", q.unstable),
        estimate(q.waitP99, "seconds", q.unstable),
        estimate(q.utilization, "percent", false),
        estimate(q.pBlock, "percent", false),
        a ? analyticCell(a.W, "seconds", a.unstable) : "",
        a ? analyticCell(a.waitP99, "seconds", a.unstable) : "",
      ]);
    }
  }
  const widths = head.map((_, c) => Math.max(...rows.map((l) => l[c]!.length)));
  const run = r.run.duration !== undefined ? `${formatNumber(r.run.duration)} s` : `${formatNumber(r.run.messages ?? 0)} messages`;
  const out = [`Sweep of ${escapeText(JSON.stringify(r.scenario))} (seed ${r.seed} at every point, ${r.run.replications} x ${run}; 95% half-widths)`, ""];
  out.push(...rows.map((l) => l.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd()));
  const notes = [...new Set(r.points.flatMap((p) => [...p.notes, ...(p.stopped ? [`stopped early at ${p.values.map(valueText).join(", ")}: ${p.stopped}`] : [])]))];
  if (notes.length) out.push("", ...notes.map((n) => `note: ${escapeText(n)}`));
  return out.join("\n") + "\n";
}

/**
 * One CSV cell per RFC 4180: quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * single quote; numbers we write ourselves are left as numbers.
 */
export function csvCell(v: SweepValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const FIGURES = [["W", "s"], ["Wq", "s"], ["wait_p99", "s"], ["utilization", "fraction"], ["pBlock", "fraction"]] as const;

/**
 * The sweep as CSV (RFC 4180, CRLF line ends, a header row with units in the column names):
 * one row per point and queue; `unstable` is true where the queue had no steady state, and
 * its W, Wq and p99 cells are then empty.
 */
export function sweepCsv(r: SweepResult): string {
  const head = [...r.params.map((p) => p.path), "queue", "unstable"];
  for (const [name, unit] of FIGURES) head.push(`${name}_${unit}`, `${name}_ci95_${unit}`);
  head.push("analytic_model", "analytic_W_s", "analytic_Wq_s", "analytic_wait_p99_s", "analytic_utilization_fraction", "analytic_pBlock_fraction");
  const lines = [head.map(csvCell).join(",")];
  for (const p of r.points) {
    for (const [id, q] of Object.entries(p.queues)) {
      const figs = [q.W, q.Wq, q.waitP99, q.utilization, q.pBlock].flatMap((f) => [f?.mean, f?.ci95 ?? undefined]);
      const a = q.analytic;
      const analytic = a ? [a.model, a.W, a.Wq, a.waitP99, a.utilization, a.pBlock] : ["", null, null, null, null, null];
      lines.push([...p.values, id, q.unstable ? "true" : "false", ...figs, ...analytic].map((v) => csvCell(v)).join(","));
    }
  }
  return lines.join("\r\n") + "\r\n";
}
