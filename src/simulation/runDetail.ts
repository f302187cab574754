import { QuantileSketch } from "../stats/index.ts";
import type { CompiledQueue } from "./compile.ts";
import type { ReplicationSummary } from "./replicationSummary.ts";
import type { RunDetail } from "./result.ts";

const BINS = 60;

function mergedHistogram(sketches: QuantileSketch[]) {
  const all = new QuantileSketch();
  for (const s of sketches) all.merge(s);
  return all.count > 0 ? all.histogram(BINS) : [];
}

/** What the charts read of the first replication: its queue-length path (null when not recorded) and when its warm-up ended. */
export interface FirstReplication {
  readonly path: { readonly times: readonly number[]; readonly lengths: readonly (readonly number[])[] } | null;
  readonly warmupEnd: number;
}

/** The chart data of a run: the first replication's queue-length path and pooled histograms. */
export function runDetail(first: FirstReplication, queues: CompiledQueue[], reps: ReplicationSummary[]): RunDetail {
  const path = first.path;
  const byId = <T>(f: (q: CompiledQueue) => T) => Object.fromEntries(queues.map((q) => [q.id, f(q)]));
  return {
    path: { times: path ? [...path.times] : [], lengths: byId((q) => (path ? [...path.lengths[q.index]!] : [])), warmupEnd: first.warmupEnd },
    wait: byId((q) => mergedHistogram(reps.map((r) => r.queues[q.index]!.wait))),
    sojourn: byId((q) => mergedHistogram(reps.map((r) => r.queues[q.index]!.sojourn))),
  };
}
