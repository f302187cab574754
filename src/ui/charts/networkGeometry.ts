import type { NetworkEdge, NetworkNode } from "./networkLayout.ts";

export const nodeW = 124;
export const nodeH = 46;
const gap = 30;
const levelH = 84;

export interface PlacedEdge {
  edge: NetworkEdge;
  path: string;
  label: { x: number; y: number };
}

export interface NetworkGeometry {
  width: number;
  height: number;
  /** Top-left corner of each node. */
  at: Map<string, { x: number; y: number }>;
  edges: PlacedEdge[];
}

/**
 * Where to draw the network: levels (hops from the outside arrivals) left to right when they
 * fit in `available` px, otherwise top to bottom (phones). Forward edges are curves between
 * neighbouring sides; edges back or within a level loop around the outside.
 */
export function networkGeometry(nodes: NetworkNode[], edges: NetworkEdge[], columns: number, rows: number, available: number): NetworkGeometry {
  const vertical = available < columns * (nodeW + gap) && rows * (nodeW + 16) <= Math.max(available, nodeW + 16);
  const at = new Map<string, { x: number; y: number }>();
  const levelW = vertical ? 0 : Math.max(nodeW + gap, available / Math.max(1, columns));
  for (const n of nodes) {
    at.set(n.id, vertical ? { x: 8 + n.row * (nodeW + 16), y: 8 + n.column * levelH } : { x: n.column * levelW + (levelW - nodeW) / 2, y: 8 + n.row * (nodeH + 32) });
  }
  const level = new Map(nodes.map((n) => [n.id, n.column]));
  const placed = edges.flatMap((edge): PlacedEdge[] => {
    const a = at.get(edge.from);
    const b = at.get(edge.to);
    if (!a || !b) return [];
    const forward = (level.get(edge.to) ?? 0) > (level.get(edge.from) ?? 0);
    return [vertical ? verticalEdge(edge, a, b, forward) : horizontalEdge(edge, a, b, forward)];
  });
  const xs = [...at.values()].map((p) => p.x + nodeW);
  const ys = [...at.values()].map((p) => p.y + nodeH);
  const loops = placed.some((e) => !((level.get(e.edge.to) ?? 0) > (level.get(e.edge.from) ?? 0)));
  return {
    width: Math.max(vertical ? 0 : available, Math.max(...xs) + (vertical && loops ? 60 : 8)),
    height: Math.max(...ys) + (!vertical && loops ? 44 : 12),
    at,
    edges: placed,
  };
}

type Point = { x: number; y: number };

function horizontalEdge(edge: NetworkEdge, a: Point, b: Point, forward: boolean): PlacedEdge {
  if (forward) {
    const mx = (a.x + nodeW + b.x) / 2;
    const [y1, y2] = [a.y + nodeH / 2, b.y + nodeH / 2];
    return { edge, path: `M${a.x + nodeW},${y1} C${mx},${y1} ${mx},${y2} ${b.x},${y2}`, label: { x: mx, y: (y1 + y2) / 2 - 6 } };
  }
  const drop = Math.max(a.y, b.y) + nodeH + 16;
  const [x1, x2] = [a.x + nodeW / 2 + 10, b.x + nodeW / 2 - 10];
  return { edge, path: `M${x1},${a.y + nodeH} C${x1},${drop} ${x2},${drop} ${x2},${b.y + nodeH}`, label: { x: (x1 + x2) / 2, y: drop + 4 } };
}

function verticalEdge(edge: NetworkEdge, a: Point, b: Point, forward: boolean): PlacedEdge {
  if (forward) {
    const my = (a.y + nodeH + b.y) / 2;
    const [x1, x2] = [a.x + nodeW / 2, b.x + nodeW / 2];
    return { edge, path: `M${x1},${a.y + nodeH} C${x1},${my} ${x2},${my} ${x2},${b.y}`, label: { x: (x1 + x2) / 2 + 22, y: my + 4 } };
  }
  const out = Math.max(a.x, b.x) + nodeW + 40;
  const [y1, y2] = [a.y + nodeH / 2 + 8, b.y + nodeH / 2 - 8];
  return { edge, path: `M${a.x + nodeW},${y1} C${out},${y1} ${out},${y2} ${b.x + nodeW},${y2}`, label: { x: out - 8, y: (y1 + y2) / 2 } };
}
