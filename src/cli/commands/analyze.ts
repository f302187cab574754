import { formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import { analyzeScenario, type AnalyzeResult } from "../../simulation/withAnalytic.ts";
import { fileArgument, parseFlags } from "../flags.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

export const analyzeUsage = "kendall analyze FILE [--json]";

const analyzeFlags = defineFlags({
  json: { type: "boolean", help: "print the result as JSON (run --json's shape without simulated)" },
});

/** `kendall analyze --help`. */
export const analyzeHelp: CommandHelp = {
  name: "analyze",
  usage: analyzeUsage,
  summary: "analytic results only",
  about:
    "Prints each queue's analytic model (exact or an approximation) without simulating: rho, throughput, " +
    "utilization, P(wait), L, Lq, W, Wq and wait percentiles; unstable queues with their backlog growth.",
  flags: analyzeFlags,
  exitCodes: "0 ok, 2 bad input (file, flag, scenario), 1 other",
  examples: ["kendall analyze models/mmc.json"],
};

const fields: [label: string, key: string, format: (v: number) => string][] = [
  ["rho (per consumer)", "rho", (v) => formatNumber(v)],
  ["throughput", "throughput", (v) => `${formatNumber(v)}/s`],
  ["utilization", "utilization", formatPercent],
  ["P(wait > 0)", "pWait", formatPercent],
  ["P(refused)", "pBlock", formatPercent],
  ["P(abandon/expire)", "pAbandon", formatPercent],
  ["L", "L", (v) => formatNumber(v)],
  ["Lq", "Lq", (v) => formatNumber(v)],
  ["W", "W", formatSeconds],
  ["Wq", "Wq", formatSeconds],
];

function formatAnalyze(a: AnalyzeResult): string {
  const out = [`${a.scenario} (analytic)`, ""];
  for (const [id, q] of Object.entries(a.queues)) {
    const m = q.analytic as Record<string, unknown> | null;
    if (!m) {
      out.push(`queue ${JSON.stringify(id)}: no analytic model: ${q.reason ?? "none applies"} (simulate it with kendall run)`, "");
      continue;
    }
    out.push(`queue ${JSON.stringify(id)}: ${String(m.model)} (${m.exact ? "exact" : "approximation"})`);
    for (const [label, key, fmt] of fields) {
      const v = m[key];
      if (typeof v === "number") out.push(`  ${label.padEnd(20)} ${fmt(v)}`);
      else if (v === null) out.push(`  ${label.padEnd(20)} unbounded`);
    }
    if (typeof m.note === "string") out.push(`  note: ${m.note}`);
    const wait = m.wait as Record<string, number> | undefined;
    if (wait) out.push(`  ${"wait p50/p95/p99".padEnd(20)} ${[wait.p50, wait.p95, wait.p99].map((v) => (typeof v === "number" ? formatSeconds(v) : "-")).join(" / ")}`);
    out.push("");
  }
  if (a.network?.analytic) out.push(`network: ${String(a.network.analytic.model)}, W ${formatSeconds(Number(a.network.analytic.W))}`, "");
  for (const u of a.unstable) out.push(`UNSTABLE: queue ${JSON.stringify(u.queue)} rho ${formatNumber(u.rho)}, backlog grows by ${formatNumber(u.growthPerS)} msg/s`);
  return out.join("\n") + "\n";
}

/** `kendall analyze`: the analytic model of each queue, without simulating. */
export async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("analyze", args, analyzeFlags);
  const scenario = loadScenario(fileArgument("analyze", positionals), io.cwd);
  const result = analyzeScenario(scenario);
  io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : formatAnalyze(result));
  return 0;
}
