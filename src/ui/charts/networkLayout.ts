import type { Scenario } from "../../scenario/index.ts";

export interface NetworkNode {
  id: string;
  /** Column (distance from the queues with outside arrivals) and row within it. */
  column: number;
  row: number;
}

export interface NetworkEdge {
  from: string;
  to: string;
  kind: "route" | "fanout" | "deadLetter";
  /** Route probability. */
  probability?: number;
}

/** Queues in columns by hops from the outside arrivals (breadth-first), and the routes between them. */
export function networkLayout(scenario: Scenario): { nodes: NetworkNode[]; edges: NetworkEdge[]; columns: number; rows: number } {
  const edges: NetworkEdge[] = scenario.queues.flatMap((q) => [
    ...(q.routes ?? []).map((r) => ({ from: q.id, to: r.to, kind: "route" as const, probability: r.probability })),
    ...(q.fanout ?? []).map((to) => ({ from: q.id, to, kind: "fanout" as const })),
    ...(q.deadLetter !== undefined ? [{ from: q.id, to: q.deadLetter, kind: "deadLetter" as const }] : []),
  ]);
  const column = new Map<string, number>();
  let frontier = scenario.queues.filter((q) => q.arrival).map((q) => q.id);
  frontier.forEach((id) => column.set(id, 0));
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const e of edges) {
      if (frontier.includes(e.from) && !column.has(e.to)) {
        column.set(e.to, depth);
        next.push(e.to);
      }
    }
    frontier = next;
  }
  const rowsUsed: number[] = [];
  const nodes = scenario.queues.map((q) => {
    const c = column.get(q.id) ?? 0;
    const row = rowsUsed[c] ?? 0;
    rowsUsed[c] = row + 1;
    return { id: q.id, column: c, row };
  });
  return { nodes, edges, columns: rowsUsed.length, rows: Math.max(1, ...rowsUsed.map((n) => n ?? 0)) };
}
