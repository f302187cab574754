import { QuantileSketch, batchMeansCi, meanCi } from "../stats/index.ts";
import type { Scenario } from "../scenario/types.ts";
import type { CompiledQueue } from "./compile.ts";
import type { BatchRecorder } from "./batchRecorder.ts";
import type { QueueLoad } from "./offeredLoad.ts";
import { routeResults } from "./routeResults.ts";
import { metricNames, type ReplicationSummary } from "./replicationSummary.ts";
import type { Estimate, Percentiles, QueueResult, RunResult, SimulatedCounts, SimulatedQueue } from "./result.ts";

/** Replications needed before a between-replication interval is used (otherwise batch means). */
const BATCH_TARGET = 20;

/** Percentiles of a (merged) sketch; 0 where nothing was measured. */
export function percentilesOf(sketch: QuantileSketch): Percentiles {
  const q = (p: number) => (sketch.count > 0 ? sketch.quantile(p) : 0);
  return { p50: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), p999: q(0.999) };
}

function merged(sketches: QuantileSketch[]): QuantileSketch {
  const all = new QuantileSketch();
  for (const s of sketches) all.merge(s);
  return all;
}

function finite(e: Estimate): Estimate {
  return { mean: Number.isFinite(e.mean) ? e.mean : 0, ci95: Number.isFinite(e.ci95) ? e.ci95 : 0 };
}

function sumCounts(list: SimulatedCounts[]): SimulatedCounts {
  const total: SimulatedCounts = { published: 0, acked: 0, redelivered: 0, expired: 0, deadLettered: 0, dropped: 0, inFlight: 0, delivered: 0, nacked: 0, deadLetteredByReason: { rejected: 0, maxlen: 0, delivery_limit: 0 } };
  for (const c of list) {
    for (const k of ["published", "acked", "redelivered", "expired", "deadLettered", "dropped", "inFlight", "delivered", "nacked"] as const) total[k] += c[k];
    for (const k of ["rejected", "maxlen", "delivery_limit"] as const) total.deadLetteredByReason[k] += c.deadLetteredByReason[k];
  }
  return total;
}

/**
 * Combines replications into the result shape: means with Student-t 95% half-widths across
 * replications, or batch means within the one replication there is; percentiles from the
 * merged sketches; counts summed over replications (warm-up included).
 */
export function aggregate(scenario: Scenario, queues: CompiledQueue[], loads: QueueLoad[], reps: ReplicationSummary[], batches: BatchRecorder | null): Omit<RunResult, "stopped" | "replications" | "warmup" | "runtime"> {
  const estimate = (q: number, m: number): Estimate => {
    if (batches) {
      const ci = batchMeansCi(batches.series[q]![m]!, BATCH_TARGET);
      return finite({ mean: reps[0]!.queues[q]!.metrics[metricNames[m]!], ci95: ci.ci95 });
    }
    return finite(meanCi(reps.map((r) => r.queues[q]!.metrics[metricNames[m]!])));
  };
  const out: Record<string, QueueResult> = {};
  queues.forEach((spec, q) => {
    const per = reps.map((r) => r.queues[q]!);
    const e = Object.fromEntries(metricNames.map((name, m) => [name, estimate(q, m)])) as Record<(typeof metricNames)[number], Estimate>;
    // Divide before adding: growth rates near 1e308 must not overflow to Infinity.
    const growth = per.reduce((a, p) => a + p.growth / per.length, 0);
    const simulated: SimulatedQueue = {
      ...e,
      wait: percentilesOf(merged(per.map((p) => p.wait))),
      sojourn: percentilesOf(merged(per.map((p) => p.sojourn))),
      counts: sumCounts(per.map((p) => p.counts)),
      steady: !loads[q]!.unstable,
      backlogGrowth: growth,
    };
    if (spec.classNames.length > 0) {
      simulated.classes = Object.fromEntries(spec.classNames.map((name, k) => [name, {
        W: finite(meanCi(per.map((p) => p.classes[k]!.W))),
        Wq: finite(meanCi(per.map((p) => p.classes[k]!.Wq))),
        wait: percentilesOf(merged(per.map((p) => p.classes[k]!.wait))),
        sojourn: percentilesOf(merged(per.map((p) => p.classes[k]!.sojourn))),
      }]));
    }
    out[spec.id] = { simulated, analytic: null };
  });
  const hasNetwork = queues.some((q) => q.routeTo.length > 0 || q.fanout.length > 0 || q.deadLetter >= 0);
  const networkW = batches
    ? finite({ mean: reps[0]!.networkW, ci95: batchMeansCi(batches.network, BATCH_TARGET).ci95 })
    : finite(meanCi(reps.map((r) => r.networkW)));
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    queues: out,
    ...(hasNetwork ? {
      network: {
        simulated: {
          W: networkW,
          sojourn: percentilesOf(merged(reps.map((r) => r.networkSojourn))),
          served: reps.reduce((a, r) => a + r.networkServed, 0),
          routes: routeResults(queues, reps, percentilesOf),
        },
        analytic: null,
      },
    } : {}),
    unstable: queues.flatMap((q, i) => (loads[i]!.unstable ? [{ queue: q.id, rho: loads[i]!.rho, growthPerS: loads[i]!.growthPerS }] : [])),
  };
}
