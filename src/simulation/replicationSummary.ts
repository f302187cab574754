import { QuantileSketch, type SketchState } from "../stats/quantileSketch.ts";
import type { RouteFigures } from "./routeStats.ts";
import type { ReplicationModel } from "./replicationModel.ts";
import type { SimulatedCounts } from "./result.ts";

/** The scalar figures of one queue in one replication, in the order of `metricNames`. */
export const metricNames = ["throughput", "utilization", "L", "Lq", "W", "Wq", "pWait", "pBlock", "pExpire", "consumerCapacity", "pOverflow"] as const;
export type MetricName = (typeof metricNames)[number];

export interface QueueReplication {
  metrics: Record<MetricName, number>;
  wait: QuantileSketch;
  sojourn: QuantileSketch;
  counts: SimulatedCounts;
  classes: { W: number; Wq: number; wait: QuantileSketch; sojourn: QuantileSketch }[];
  /** Backlog growth after warm-up, messages per second. */
  growth: number;
}

/** End-to-end figures of one route (entry queue, exit queue, queues visited) in one replication. */
export type RouteReplication = RouteFigures;

export interface ReplicationSummary {
  queues: QueueReplication[];
  routes: RouteReplication[];
  networkW: number;
  networkServed: number;
  networkSojourn: QuantileSketch;
  events: number;
  stopped: ReplicationModel["stopped"];
}

// A figure over a span or count of (almost) nothing is 0, not a division by zero: a run whose
// clock cannot advance (a rate of 1e308) measures no steady figures at all.
const ratio = (num: number, den: number) => {
  const r = den > 0 ? num / den : 0;
  return Number.isFinite(r) ? r : 0;
};

/**
 * Reads one finished replication's figures: time averages over the measured span, means over
 * served messages, publish fractions after warm-up, counts over the whole run.
 */
export function summarizeReplication(model: ReplicationModel): ReplicationSummary {
  const now = model.now;
  const span = model.measuredDuration;
  const queues = model.brokers.map((b, q): QueueReplication => {
    const st = model.stats[q]!;
    const spec = model.queues[q]!;
    b.advance(now);
    st.advance(now);
    const inQueue = b.readyArea + b.unackedArea;
    const servers = spec.servers;
    const c = b.counts;
    const inFlight = b.readyCount + b.unacked;
    return {
      metrics: {
        throughput: ratio(st.served, span),
        // With unlimited consumers there is no fraction busy: report the mean number busy (Erlangs).
        utilization: ratio(st.busyArea, span * (servers === Infinity ? 1 : servers)),
        L: ratio(inQueue, span),
        Lq: ratio(inQueue - st.busyArea, span),
        W: ratio(st.sumW, st.served),
        Wq: ratio(st.sumWq, st.served),
        pWait: ratio(st.waited, st.served),
        pBlock: ratio(st.dropped, st.published),
        pExpire: ratio(st.expired, st.published),
        consumerCapacity: ratio(b.creditArea, span),
        pOverflow: ratio(st.dropped + st.overflowed, st.published),
      },
      wait: st.wait,
      sojourn: st.sojourn,
      counts: {
        published: c.published, acked: c.acked, redelivered: c.redelivered, expired: c.expired,
        deadLettered: c.deadLettered, dropped: c.dropped, inFlight, delivered: c.delivered, nacked: c.nacked,
        deadLetteredByReason: { ...c.deadLetteredByReason },
      },
      classes: st.classes.map((k) => ({ W: ratio(k.sumW, k.served), Wq: ratio(k.sumWq, k.served), wait: k.wait, sojourn: k.sojourn })),
      growth: ratio(inFlight - model.inSystemAtWarmup[q]!, span),
    };
  });
  return {
    queues,
    routes: model.routes ? model.routes.all().map((r) => ({ ...r })) : [],
    networkW: ratio(model.network.sumW, model.network.served),
    networkServed: model.network.served,
    networkSojourn: model.network.sojourn,
    events: model.events,
    stopped: model.stopped,
  };
}

/** A ReplicationSummary as plain data (sketches as SketchState), for sending between threads. */
export type ReplicationState = Omit<ReplicationSummary, "queues" | "networkSojourn" | "routes"> & {
  routes: (Omit<RouteReplication, "sojourn"> & { sojourn: SketchState })[];
  queues: (Omit<QueueReplication, "wait" | "sojourn" | "classes"> & { wait: SketchState; sojourn: SketchState; classes: { W: number; Wq: number; wait: SketchState; sojourn: SketchState }[] })[];
  networkSojourn: SketchState;
};

export function summaryToState(s: ReplicationSummary): ReplicationState {
  return {
    ...s,
    queues: s.queues.map((q) => ({ ...q, wait: q.wait.toState(), sojourn: q.sojourn.toState(), classes: q.classes.map((c) => ({ ...c, wait: c.wait.toState(), sojourn: c.sojourn.toState() })) })),
    routes: s.routes.map((r) => ({ ...r, sojourn: r.sojourn.toState() })),
    networkSojourn: s.networkSojourn.toState(),
  };
}

export function summaryFromState(s: ReplicationState): ReplicationSummary {
  const sk = QuantileSketch.fromState;
  return {
    ...s,
    queues: s.queues.map((q) => ({ ...q, wait: sk(q.wait), sojourn: sk(q.sojourn), classes: q.classes.map((c) => ({ ...c, wait: sk(c.wait), sojourn: sk(c.sojourn) })) })),
    routes: s.routes.map((r) => ({ ...r, sojourn: sk(r.sojourn) })),
    networkSojourn: sk(s.networkSojourn),
  };
}
