import type { Scenario } from "../../scenario/types.ts";
import { escapeHtml } from "../escape.ts";
import { formatNumber } from "../format.ts";
import { px } from "./scale.ts";

/** A queue's load as the diagram shows it. */
export interface NodeLoad {
  /** Arrival rate into the queue, msg/s (outside plus routed). */
  lambda: number;
  /** Outside arrival rate, msg/s (the process's long-run mean). */
  external: number;
  /** Offered load per consumer; undefined for unlimited consumers. */
  rho?: number;
  unstable: boolean;
  /** Shown instead of lambda and rho when they say nothing (a queue fed only by dead letters, no consumers). */
  note?: string;
}

interface Edge {
  from: number;
  to: number;
  label: string;
  kind: "route" | "fanout" | "dead-letter";
}

const nodeW = 156;
const nodeH = 50;
const colW = 228;
const rowH = 84;
const left = 70;

function edgesOf(s: Scenario): Edge[] {
  const index = new Map(s.queues.map((q, i) => [q.id, i]));
  return s.queues.flatMap((q, i) => [
    ...(q.routes ?? []).map((r) => ({ from: i, to: index.get(r.to) ?? -1, label: `${formatNumber(r.probability * 100, 3)}%`, kind: "route" as const })),
    ...(q.fanout ?? []).map((to) => ({ from: i, to: index.get(to) ?? -1, label: "copy", kind: "fanout" as const })),
    ...(q.deadLetter !== undefined ? [{ from: i, to: index.get(q.deadLetter) ?? -1, label: "dead letters", kind: "dead-letter" as const }] : []),
  ]).filter((e) => e.to >= 0);
}

/** Columns by hops from the queues with outside arrivals (breadth-first); unreached queues in column 0. */
function columnsOf(s: Scenario, edges: Edge[]): number[] {
  const col: number[] = s.queues.map((q) => (q.arrival ? 0 : -1));
  for (let frontier = col.flatMap((c, i) => (c === 0 ? [i] : [])), depth = 1; frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const e of edges) {
      if (!frontier.includes(e.from) || col[e.to] !== -1) continue;
      col[e.to] = depth;
      next.push(e.to);
    }
    frontier = next;
  }
  return col.map((c) => Math.max(0, c));
}

function fillOf(load: NodeLoad | undefined): string {
  if (!load || load.rho === undefined) return "#eef3f8";
  if (load.unstable || load.rho >= 0.9) return "#fbe3dc";
  return load.rho >= 0.7 ? "#fdf1d6" : "#e3f3ec";
}

function shortName(id: string): string {
  const chars = [...id];
  return chars.length > 19 ? `${chars.slice(0, 17).join("")}…` : id;
}

/**
 * The queues of a network as boxes in columns (hops from the outside arrivals) with arrows for
 * routes (with their probability), fanout copies and dead letters, each box coloured by its
 * offered load per consumer (green < 0.7, amber < 0.9, red above or unstable).
 */
export function networkDiagram(s: Scenario, loads: Record<string, NodeLoad>): string {
  const edges = edgesOf(s);
  const col = columnsOf(s, edges);
  const rowsUsed: number[] = [];
  const at = s.queues.map((_, i) => {
    const c = col[i]!;
    const row = rowsUsed[c] ?? 0;
    rowsUsed[c] = row + 1;
    return { x: left + c * colW, y: 16 + row * rowH };
  });
  const backEdges = edges.some((e) => col[e.to]! <= col[e.from]!);
  const width = left + rowsUsed.length * colW - (colW - nodeW) + 20;
  const height = 16 + Math.max(...rowsUsed) * rowH - (rowH - nodeH) + (backEdges ? 56 : 16);
  const parts: string[] = [`<defs><marker id="kendall-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>`];
  for (const e of edges) {
    const a = at[e.from]!;
    const b = at[e.to]!;
    let d: string;
    let lx: number;
    let ly: number;
    if (col[e.to]! > col[e.from]!) {
      const [x1, y1, x2, y2] = [a.x + nodeW, a.y + nodeH / 2, b.x, b.y + nodeH / 2];
      const mx = (x1 + x2) / 2;
      d = `M${px(x1)},${px(y1)}C${px(mx)},${px(y1)} ${px(mx)},${px(y2)} ${px(x2 - 2)},${px(y2)}`;
      [lx, ly] = [mx, (y1 + y2) / 2 - 6];
    } else {
      const drop = Math.max(a.y, b.y) + nodeH + 34;
      const [x1, x2] = [a.x + nodeW / 2 + 12, b.x + nodeW / 2 - 12];
      d = `M${px(x1)},${px(a.y + nodeH)}C${px(x1)},${px(drop)} ${px(x2)},${px(drop)} ${px(x2)},${px(b.y + nodeH + 2)}`;
      // A cubic with both control points at `drop` bottoms out 3/4 of the way down: the label goes under it.
      [lx, ly] = [(x1 + x2) / 2, Math.max(a.y, b.y) + nodeH + 0.75 * 34 + 13];
    }
    const dash = e.kind === "dead-letter" ? ` stroke-dasharray="5 3"` : "";
    parts.push(`<path class="edge ${e.kind}" d="${d}" fill="none" stroke="#555" stroke-width="1.4"${dash} marker-end="url(#kendall-arrow)"/>`);
    parts.push(`<text class="edge-label" x="${px(lx)}" y="${px(ly)}" text-anchor="middle">${escapeHtml(e.label)}</text>`);
  }
  s.queues.forEach((q, i) => {
    const p = at[i]!;
    const load = loads[q.id];
    if (q.arrival && load) {
      parts.push(`<path class="edge arrival" d="M${px(p.x - 56)},${px(p.y + nodeH / 2)}H${px(p.x - 2)}" stroke="#555" stroke-width="1.4" marker-end="url(#kendall-arrow)"/>`);
      parts.push(`<text class="edge-label" x="${px(p.x - 30)}" y="${px(p.y + nodeH / 2 - 6)}" text-anchor="middle">${escapeHtml(`${formatNumber(load.external, 3)}/s`)}</text>`);
    }
    const rhoText = !load ? "" : load.note !== undefined ? load.note : load.unstable ? `UNSTABLE ρ ${formatNumber(load.rho ?? Infinity, 3)}` : `λ ${formatNumber(load.lambda, 3)}/s · ρ ${load.rho === undefined ? "n/a" : formatNumber(load.rho, 2)}`;
    const stroke = load?.unstable ? `stroke="#b3261e" stroke-width="2.5"` : `stroke="#667" stroke-width="1"`;
    parts.push(
      `<g class="node" data-unstable="${load?.unstable ? "true" : "false"}"><title>${escapeHtml(q.id)}</title>`,
      `<rect x="${px(p.x)}" y="${px(p.y)}" width="${nodeW}" height="${nodeH}" rx="6" fill="${fillOf(load)}" ${stroke}/>`,
      `<text class="node-name" x="${px(p.x + nodeW / 2)}" y="${px(p.y + 20)}" text-anchor="middle">${escapeHtml(shortName(q.id))}</text>`,
      `<text class="node-load" x="${px(p.x + nodeW / 2)}" y="${px(p.y + 38)}" text-anchor="middle">${escapeHtml(rhoText)}</text></g>`,
    );
  });
  const title = "Network of queues";
  return [
    `<figure class="chart network" data-chart="network">`,
    `<figcaption><strong>${title}</strong> Queues in columns by hops from the outside arrivals; arrows are routes (with their probability), copies and dead letters; colour is the offered load per consumer ρ (green below 0.7, amber below 0.9, red above).</figcaption>`,
    `<svg viewBox="0 0 ${px(width)} ${px(height)}" style="max-width:${px(width)}px" role="img" aria-label="${title}"><title>${title}</title>${parts.join("")}</svg>`,
    `</figure>`,
  ].join("");
}
