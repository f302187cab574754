import { escapeText } from "../scenario/index.ts";
import { formatNumber } from "../report/format.ts";
import type { PlanResult, QueuePlan } from "./plan.ts";

const quote = (s: string) => escapeText(JSON.stringify(s));
const money = (x: number) => x.toFixed(2);

/** Wraps a paragraph at `width` columns with an indent. */
function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** `prefetch 2 (now 1)`, `capacity 8 (now unbounded)`, or `no prefetch answer`. */
function sizeAnswer(name: string, value: number | null, current: string): string {
  return value === null ? `no ${name} answer` : `${name} ${value} (now ${current})`;
}

function queueBlock(id: string, q: QueuePlan, r: PlanResult): string[] {
  const answers = [
    q.consumers === null ? "no answer" : `${q.consumers} consumer${q.consumers === 1 ? "" : "s"} (now ${q.current})${q.meets ? "" : ", not confirmed"}`,
    ...(q.prefetch ? [sizeAnswer("prefetch", q.prefetch.value, q.prefetch.current === 0 ? "unlimited" : String(q.prefetch.current))] : []),
    ...(q.capacity ? [sizeAnswer("capacity", q.capacity.value, q.capacity.current === null ? "unbounded" : String(q.capacity.current))] : []),
  ];
  const out = [`queue ${quote(id)}: ${answers.join(", ")}`, ...wrap(escapeText(q.explanation), "  ")];
  if (q.prefetch) out.push(...wrap(escapeText(q.prefetch.explanation), "  "));
  if (q.capacity) out.push(...wrap(escapeText(q.capacity.explanation), "  "));
  if (q.headroom) out.push(...wrap(`headroom: ${escapeText(q.headroom.explanation)}`, "  "));
  if (q.costPerMonth !== undefined || q.currentCostPerMonth !== undefined) {
    const planned = q.costPerMonth === undefined ? "n/a" : money(q.costPerMonth);
    out.push(`  cost: ${planned} per month for ${q.consumers ?? "?"} x ${formatNumber(r.costPerHour!)} per consumer-hour x 730 h (now ${money(q.currentCostPerMonth ?? 0)})`);
  }
  if (q.drain) out.push(...wrap(`backlog: ${escapeText(q.drain.explanation)}`, "  "));
  return [...out, ""];
}

function growthTable(r: PlanResult): string[] {
  const ids = Object.keys(r.queues);
  const head = ["traffic", ...ids.map((id) => `${quote(id)} consumers`), ...(ids.length > 1 ? ["total"] : []), ...(r.costPerHour !== undefined ? ["cost/month"] : [])];
  const rows = r.growth.map((g) => [
    `x${formatNumber(g.factor)}`,
    ...ids.map((id) => (g.queues[id] === null ? "none" : String(g.queues[id]))),
    ...(ids.length > 1 ? [g.consumers === null ? "none" : String(g.consumers)] : []),
    ...(r.costPerHour !== undefined ? [g.costPerMonth === undefined ? "n/a" : money(g.costPerMonth)] : []),
  ]);
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((l) => l[c]!.length)));
  return ["growth (consumers needed at each traffic multiplier):", ...all.map((l) => "  " + l.map((cell, c) => cell.padEnd(widths[c]!)).join("   ").trimEnd()), ""];
}

/** The human-readable `kendall plan` output: one block per queue, then the growth table. */
export function formatPlan(r: PlanResult): string {
  const sim = r.simulation;
  const how = sim
    ? `confirmed by simulation: seed ${r.seed}, ${sim.replications} replications of at most ${formatNumber(sim.maxMessages)} messages each, at most ${sim.maxRuns} runs per search`
    : "analytic only, not simulated";
  const out = [`Plan for ${quote(r.scenario)} against ${escapeText(r.slo)}`, `(${how})`, ""];
  for (const [id, q] of Object.entries(r.queues)) out.push(...queueBlock(id, q, r));
  for (const s of r.skipped) out.push(`queue ${quote(s.queue)}: not planned (${s.reason})`);
  if (r.skipped.length) out.push("");
  if (Object.keys(r.queues).length > 0) out.push(...growthTable(r));
  return out.join("\n").replace(/\n+$/, "") + "\n";
}
