import { QuantileSketch } from "../stats/index.ts";
import type { CompiledQueue } from "./compile.ts";
import type { ReplicationModel } from "./replicationModel.ts";
import type { ReplicationSummary } from "./replicationSummary.ts";
import type { RunDetail } from "./result.ts";

const BINS = 60;

function mergedHistogram(sketches: QuantileSketch[]) {
  const all = new QuantileSketch();
  for (const s of sketches) all.merge(s);
  return all.count > 0 ? all.histogram(BINS) : [];
}

/** The chart data of a run: the first replication's queue-length path and pooled histograms. */
export function runDetail(first: ReplicationModel, queues: CompiledQueue[], reps: ReplicationSummary[]): RunDetail {
  const path = first.path;
  const byId = <T>(f: (q: CompiledQueue) => T) => Object.fromEntries(queues.map((q) => [q.id, f(q)]));
  return {
    path: { times: path ? [...path.times] : [], lengths: byId((q) => (path ? [...path.lengths[q.index]!] : [])), warmupEnd: first.warmupEnd },
    wait: byId((q) => mergedHistogram(reps.map((r) => r.queues[q.index]!.wait))),
    sojourn: byId((q) => mergedHistogram(reps.map((r) => r.queues[q.index]!.sojourn))),
  };
}
