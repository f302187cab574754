import { formatEstimate, formatNumber, formatPercent, formatSeconds } from "../../report/format.ts";
import type { Estimate } from "../../simulation/result.ts";
import type { LoadgenQueueResult, LoadgenResult, OverheadEstimate } from "./types.ts";

type Kind = "seconds" | "percent" | "rate" | "plain";
type Key = "throughput" | "utilization" | "L" | "Lq" | "W" | "Wq" | "pWait" | "pBlock" | "pExpire";
const rows: [label: string, key: Key, kind: Kind, analyticKey?: string][] = [
  ["throughput", "throughput", "rate"],
  ["utilization", "utilization", "percent"],
  ["L (in queue)", "L", "plain"],
  ["Lq (waiting)", "Lq", "plain"],
  ["W (sojourn)", "W", "seconds"],
  ["Wq (wait)", "Wq", "seconds"],
  ["P(wait > 0)", "pWait", "percent"],
  ["P(refused)", "pBlock", "percent"],
  ["P(expired)", "pExpire", "percent", "pAbandon"],
];

function plain(v: unknown, kind: Kind): string {
  if (typeof v !== "number") return "";
  if (kind === "seconds") return formatSeconds(v);
  if (kind === "percent") return formatPercent(v);
  if (kind === "rate") return `${formatNumber(v)}/s`;
  return formatNumber(v);
}

function estimate(e: Estimate | undefined, kind: Kind): string {
  return e ? formatEstimate(e.mean, e.ci95, kind) : "";
}

function table(lines: string[][]): string {
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? "").length)));
  return lines.map((l) => "  " + l.map((cell, c) => cell.padEnd(widths[c]!)).join("   ").trimEnd()).join("\n");
}

function figures(q: LoadgenQueueResult): string {
  const m = q.measured;
  const s = q.simulated;
  const o = q.simulatedWithOverheads as Record<string, Estimate> | undefined;
  const a = q.analytic;
  const lines: string[][] = [["metric", "measured (95% CI)", ...(s ? ["simulated", "sim + overheads"] : []), "analytic"]];
  for (const [label, key, kind, analyticKey] of rows) {
    const sim = s ? [estimate(s[key], kind), estimate(o?.[key], kind)] : [];
    lines.push([label, estimate(m[key], kind), ...sim, plain(a?.[analyticKey ?? key], kind)]);
  }
  for (const which of ["wait", "sojourn"] as const) {
    for (const p of ["p50", "p95", "p99"] as const) {
      const ap = (a?.[which] as Record<string, number> | undefined)?.[p];
      lines.push([`${p} ${which}`, formatSeconds(m[which][p]), ...(s ? [formatSeconds(s[which][p]), ""] : []), plain(ap, "seconds")]);
    }
  }
  return table(lines);
}

function overhead(name: string, e: OverheadEstimate): string {
  if (e.meanMs === null) return `${name} not measured (no sample)`;
  return `${name} ${formatNumber(e.meanMs, 3)} ± ${formatNumber(e.ci95Ms, 2)} ms (median ${formatNumber(e.p50Ms ?? NaN, 3)}, ${e.samples} samples)`;
}

/** The human-readable `kendall loadgen` output: measured beside simulated and analytic, then overheads, counts and notes. */
export function formatLoadgenTable(r: LoadgenResult): string {
  const b = r.broker;
  const out = [
    `${r.scenario} on ${b.kind === "rabbitmq" ? "RabbitMQ" : "NATS JetStream"} ${b.url}, ${b.declared ? "fresh " : ""}${b.kind === "nats" ? "stream" : "queue"} ${JSON.stringify(b.queue)}` +
      ` (seed ${r.seed}, ${r.consumers} consumers, prefetch ${r.prefetch}, published for ${formatNumber(r.publishedForS, 3)} s, drained ${formatNumber(r.drainedForS, 3)} s)`,
    "",
  ];
  for (const [id, q] of Object.entries(r.queues)) {
    const a = q.analytic;
    out.push(`queue ${JSON.stringify(id)} (${a ? `${String(a.model)}, ${a.exact ? "exact" : "approximation"}` : `no analytic model: ${q.analyticReason ?? "none applies"}`})`);
    out.push(figures(q));
    if (a && typeof a.note === "string") out.push(`  note: ${a.note}`);
    const rp = q.replayed;
    if (rp) out.push(`  replay of these ${rp.messages} messages through Kendall's broker queue: W ${formatSeconds(rp.W)}, Wq ${formatSeconds(rp.Wq)}; measured minus replayed: W ${formatNumber(rp.differenceW.mean * 1000, 3)} ± ${formatNumber(rp.differenceW.ci95 * 1000, 2)} ms`);
    const m = q.measured;
    out.push(`  offered ${formatEstimate(m.lambda.mean, m.lambda.ci95, "rate")}; service worked ${formatSeconds(m.service.actual.mean)} (drawn ${formatSeconds(m.service.demanded)}); publish lag ${formatNumber(m.publishLagMs.mean, 3)} ms mean, ${formatNumber(m.publishLagMs.max, 3)} ms max`);
    const c = m.counts;
    out.push(`  counts: published ${c.published} (confirmed ${c.confirmed}, unconfirmed ${c.unconfirmed}), acked ${c.acked}, redelivered ${c.redelivered}, expired ${c.expired}, dead-lettered ${c.deadLettered}, dropped ${c.dropped}, in flight ${c.inFlight}, lost ${c.lost}`, "");
  }
  const d = r.overheads.detail;
  out.push("broker overheads: " + [overhead("publish to deliver", d.publishToDeliver), overhead("ack to next deliver", d.ackToNextDeliver), overhead("service overrun", d.serviceOverrun)].join("; "));
  for (const n of r.notes) out.push(`note: ${n}`);
  if (r.stopped) out.push(`stopped early: ${r.stopped.reason}${r.stopped.detail ? ` (${r.stopped.detail})` : ""}`);
  return out.join("\n") + "\n";
}
