import { formatNumber, formatSeconds } from "../report/format.ts";
import type { LiveReport } from "./compare.ts";
import type { LiveFigure } from "./estimate/figure.ts";

type Kind = "rate" | "seconds" | "plain";

const rows: [label: string, key: keyof LiveReport["observed"], predicted: string | null, kind: Kind][] = [
  ["lambda (msg/s)", "lambda", null, "rate"],
  ["throughput (msg/s)", "throughput", "throughput", "rate"],
  ["consumers", "consumers", null, "plain"],
  ["prefetch", "prefetch", null, "plain"],
  ["mu per consumer (msg/s)", "mu", null, "rate"],
  ["rho", "rho", "rho", "plain"],
  ["Lq (ready)", "Lq", "Lq", "plain"],
  ["L (ready + unacked)", "L", "L", "plain"],
  ["Wq (wait)", "Wq", "Wq", "seconds"],
  ["W (sojourn)", "W", "W", "seconds"],
  ["oldest message age", "oldestAgeS", null, "seconds"],
  ["consumer utilisation", "consumerUtilisation", "consumerCapacity", "plain"],
];

function show(v: number, kind: Kind): string {
  return kind === "seconds" ? formatSeconds(v) : formatNumber(v, 3);
}

/** A figure as `value ± ci95`, or `-` when unknown. */
export function formatLiveFigure(f: LiveFigure, kind: Kind = "plain"): string {
  if (f.value === null) return "-";
  if (f.ci95 === null || f.ci95 === 0) return show(f.value, kind);
  return `${show(f.value, kind)} ± ${show(f.ci95, kind)}`;
}

/**
 * The `kendall live` table: observed figures with their 95% intervals beside the model's
 * prediction, then why any figure is missing, the caveats of the estimates and those of the
 * model (such as a prefetch over 1, which the model ignores). Plain text, no colours.
 */
export function formatLiveReport(r: LiveReport): string {
  const model = r.predicted ? `${r.predicted.model}${r.predictedFrom.fitted ? ", fitted" : `, ${JSON.stringify(r.predictedFrom.scenario)}`}` : "none";
  const out = [
    `live: ${r.source}`,
    `window ${formatNumber(r.window, 3)} s, ${r.samples} readings${r.failed ? `, ${r.failed} failed` : ""}${r.resets ? `, ${r.resets} counter reset(s)` : ""}`,
    "",
    `${"".padEnd(26)}${"observed (95%)".padEnd(26)}predicted (${model})`,
  ];
  const missing: string[] = [];
  for (const [label, key, pkey, kind] of rows) {
    const f = r.observed[key];
    const p = r.predicted && (pkey ?? key) in r.predicted ? (r.predicted as unknown as Record<string, unknown>)[pkey ?? key] : undefined;
    const predicted = typeof p === "number" ? show(p, kind) : p === null ? "unbounded" : "";
    out.push(`${label.padEnd(26)}${formatLiveFigure(f, kind).padEnd(26)}${predicted}`.trimEnd());
    if (f.value === null && f.reason && key !== "oldestAgeS") missing.push(`${key}: ${f.reason}`);
  }
  if (!r.predicted && r.predictedFrom.reason) missing.push(`predicted: ${r.predictedFrom.reason}`);
  if (missing.length) out.push("", "not estimated:", ...missing.map((m) => `  ${m}`));
  if (r.notes.length) out.push("", "notes:", ...r.notes.map((n) => `  ${n}`));
  if (r.predicted?.note) out.push("", "model notes:", ...r.predicted.note.split("; ").map((n) => `  ${n}`));
  return out.join("\n") + "\n";
}
