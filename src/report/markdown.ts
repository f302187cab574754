/**
 * The report as Markdown for pull requests and wikis (GitHub-flavoured tables): the scenario
 * in words, assumptions, per queue the figures beside the model's and the model used, SLO
 * verdicts and sweeps when given. Every name from the scenario is escaped.
 */
import type { RunResult } from "../simulation/result.ts";
import { assumptionLines } from "./assumptions.ts";
import { describeQueue } from "./describe.ts";
import { escapeMarkdown as md, redactCredentials, redactDeep } from "./escape.ts";
import { countsLine, modelSummary, queueFigureRows } from "./figures.ts";
import { formatEstimate, formatNumber, formatSeconds } from "./format.ts";
import { glanceHeader, glanceRows } from "./glance.ts";
import { stationInputs } from "./stations.ts";
import { consumersText, planSizeRows } from "./planFormat.ts";
import type { PlanSection, ReportInput, SweepSection } from "./types.ts";

/** A GFM table; cells are Markdown already escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ("l" | "r")[] = []): string {
  const rule = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [header, rule, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function queueBlock(id: string, result: RunResult): string[] {
  const q = result.queues[id]!;
  const m = modelSummary(q);
  const unstable = result.unstable.find((u) => u.queue === id);
  const out = [`### Queue ${md(id)}${unstable ? " (UNSTABLE)" : ""}`, ""];
  if (unstable) out.push(`> **Unstable:** ρ = ${formatNumber(unstable.rho)} per consumer; the backlog grows by ${formatNumber(unstable.growthPerS)} msg/s. The means below describe this run only.`, "");
  const model = m.exact === null ? `No analytic model: ${md(m.reason ?? "")}.` : `Model: **${md(m.title)}**${m.note ? ` (${md(m.note)})` : ""}.`;
  out.push(model, "");
  const rows = queueFigureRows(q).map((r) => [md(r.label), md(r.simulated), md(r.analytic)]);
  out.push(markdownTable(["metric", "simulated (95% CI)", "analytic"], rows, ["l", "r", "r"]), "");
  if (q.simulated.classes) {
    const classRows = Object.entries(q.simulated.classes).map(([name, c]) => [md(name), formatEstimate(c.W.mean, c.W.ci95, "seconds"), formatEstimate(c.Wq.mean, c.Wq.ci95, "seconds"), formatSeconds(c.wait.p99)]);
    out.push(markdownTable(["class", "W", "Wq", "p99 wait"], classRows, ["l", "r", "r", "r"]), "");
  }
  out.push(`Counts (all replications, warm-up included): ${countsLine(q.simulated)}.`, "");
  return out;
}

function planBlock(plan: PlanSection): string[] {
  const rows = plan.verdicts.map((v) => [md(v.queue), v.current === undefined ? "" : String(v.current), consumersText(v.consumers), v.meets ? "meets" : "**fails**", md(v.explanation ?? "")]);
  const out = ["## Capacity plan", "", `SLO: **${md(plan.slo)}**${plan.costPerHour !== undefined ? `; cost ${formatNumber(plan.costPerHour)} per consumer-hour` : ""}.`, ""];
  if (plan.recommendation) out.push(`> ${md(plan.recommendation)}`, "");
  out.push(markdownTable(["queue", "consumers now", "consumers needed", "SLO", "why"], rows, ["l", "r", "r", "l", "l"]), "");
  const sizes = planSizeRows(plan).map((r) => [md(r.queue), r.setting, md(r.now), md(r.answer), r.meets ? "meets" : "**fails**", md(r.explanation)]);
  if (sizes.length) out.push("Prefetch and capacity at the recommended consumers:", "", markdownTable(["queue", "setting", "now", "answer", "SLO", "why"], sizes, ["l", "l", "r", "r", "l", "l"]), "");
  if (plan.growth?.length) {
    const g = plan.growth.map((s) => [`×${formatNumber(s.factor)}`, md(consumersText(s.consumers))]);
    out.push("Consumers needed as the load grows:", "", markdownTable(["load", "consumers"], g, ["r", "l"]), "");
  }
  return out;
}

function sweepBlock(sweep: SweepSection): string[] {
  const ms = (v: number | null | undefined) => (v === undefined || v === null ? "" : formatNumber(v * 1000));
  const rows = sweep.points.flatMap((p) => Object.entries(p.queues).map(([id, f]) => [md(String(p.value)), md(id), ms(f.W), ms(f.Wq), ms(f.p99wait), f.utilization === undefined || f.utilization === null ? "" : `${formatNumber(f.utilization * 100)}%`]));
  return [`## Sweep of ${md(sweep.param)}`, "", markdownTable([md(sweep.param), "queue", "W (ms)", "Wq (ms)", "p99 wait (ms)", "utilization"], rows, ["r", "l", "r", "r", "r", "r"]), ""];
}

/** The Markdown report. Numbers are rounded to 4 significant digits, so the same run gives the same text. */
export function buildMarkdownReport(input: ReportInput): string {
  const scenario = redactDeep(input.scenario);
  const { result, meta } = input;
  const out = [`# ${md(scenario.name)}`, "", `Kendall report · ${md(meta.date)} · Kendall ${md(meta.version)} · seed ${scenario.seed}`, ""];
  if (scenario.description) out.push(md(scenario.description), "");
  for (const u of result.unstable) out.push(`> **Unstable:** queue ${md(u.queue)} is offered ρ = ${formatNumber(u.rho)} per consumer; its backlog grows by ${formatNumber(u.growthPerS)} msg/s without bound.`, "");
  if (result.stopped) out.push(`> **Stopped early:** ${result.stopped.reason} (replication ${result.stopped.replication ?? 0}).`, "");
  const glance = glanceRows(result, stationInputs(input.scenario)).map((r) => [md(r.queue), r.rho, r.utilization, r.W, r.p99Wait, md(r.model), r.unstable ? "**UNSTABLE**" : "steady"]);
  out.push("## At a glance", "", markdownTable(glanceHeader, glance, ["l", "r", "r", "r", "r", "l", "l"]), "");
  if (input.plan) out.push(...planBlock(input.plan));
  out.push("## Scenario", "");
  for (const q of scenario.queues) {
    out.push(`- **${md(q.id)}**: ${describeQueue(q).map((f) => `${f.label} ${md(f.text)}`).join("; ")}`);
  }
  out.push("", "## Assumptions", "", ...assumptionLines(scenario, result).map((l) => `- ${md(l)}`), "", "## Results by queue", "");
  for (const id of Object.keys(result.queues)) out.push(...queueBlock(id, result));
  if (result.network) {
    const n = result.network.simulated;
    const a = result.network.analytic;
    const model = a && typeof a.model === "string" && typeof a.W === "number" ? ` (${md(a.model)}: ${formatSeconds(a.W)})` : "";
    out.push(`End to end: W ${formatEstimate(n.W.mean, n.W.ci95, "seconds")}, p99 ${formatSeconds(n.sojourn.p99)}${model}.`, "");
  }
  if (input.sweep) out.push(...sweepBlock(input.sweep));
  return redactCredentials(out.join("\n").replace(/\n+$/, "\n"));
}
