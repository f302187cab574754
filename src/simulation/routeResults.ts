import { QuantileSketch, meanCi } from "../stats/index.ts";
import type { CompiledQueue } from "./compile.ts";
import type { ReplicationSummary } from "./replicationSummary.ts";
import type { Percentiles, RouteResult } from "./result.ts";

/** Queues a route's name lists one by one; a longer path shows its first and last three. */
const NAMED_HOPS = 8;

/** Readable route: `"a" -> "b" -> "c"`, or `"a" -> ... -> "c" (5 queues)` for a path known by its ends and length. */
function routeName(queues: CompiledQueue[], entry: number, exit: number, visits: number, path: number[]): string {
  if (entry < 0) return "other routes";
  const id = (q: number) => JSON.stringify(queues[q]!.id);
  if (path.length > NAMED_HOPS) return `${path.slice(0, 3).map(id).join(" -> ")} -> ... -> ${path.slice(-3).map(id).join(" -> ")} (${path.length} queues)`;
  if (path.length > 0) return path.map(id).join(" -> ");
  const a = JSON.stringify(queues[entry]!.id);
  const b = JSON.stringify(queues[exit]!.id);
  if (visits === 1) return a;
  if (visits === 2) return `${a} -> ${b}`;
  return `${a} -> ... -> ${b} (${visits} queues)`;
}

/**
 * Per-route end-to-end figures over all replications: routes keyed by the queues visited (or by
 * entry, exit and visits for paths too long to name),
 * the mean time over all their messages with a between-replication interval (0 when only one
 * replication saw the route), percentiles from the merged sketches; most travelled first.
 */
export function routeResults(queues: CompiledQueue[], reps: ReplicationSummary[], percentilesOf: (s: QuantileSketch) => Percentiles): RouteResult[] {
  const byKey = new Map<string, { entry: number; exit: number; visits: number; path: number[]; count: number; sumW: number; perRep: number[]; sketch: QuantileSketch }>();
  for (const rep of reps) {
    for (const r of rep.routes) {
      const key = r.path.length > 0 ? `path ${r.path.join(",")}` : `${r.entry}/${r.exit}/${r.visits}`;
      let acc = byKey.get(key);
      if (!acc) byKey.set(key, (acc = { entry: r.entry, exit: r.exit, visits: r.visits, path: r.path, count: 0, sumW: 0, perRep: [], sketch: new QuantileSketch() }));
      acc.count += r.count;
      acc.sumW += r.sumW;
      if (r.count > 0) acc.perRep.push(r.sumW / r.count);
      acc.sketch.merge(r.sojourn);
    }
  }
  const total = [...byKey.values()].reduce((a, r) => a + r.count, 0);
  return [...byKey.values()]
    .sort((x, y) => y.count - x.count || (x.entry < 0 ? 1 : 0) - (y.entry < 0 ? 1 : 0))
    .map((r) => {
      const ci = r.perRep.length >= 2 ? meanCi(r.perRep).ci95 : 0;
      return {
        route: routeName(queues, r.entry, r.exit, r.visits, r.path),
        path: r.path.length > 0 ? r.path.map((q) => queues[q]!.id) : null,
        entry: r.entry >= 0 ? queues[r.entry]!.id : null,
        exit: r.exit >= 0 ? queues[r.exit]!.id : null,
        visits: r.entry >= 0 ? r.visits : null,
        messages: r.count,
        share: total > 0 ? r.count / total : 0,
        W: { mean: r.count > 0 ? r.sumW / r.count : 0, ci95: Number.isFinite(ci) ? ci : 0 },
        sojourn: percentilesOf(r.sketch),
      };
    });
}
