import { liveError, type LiveCounters, type LiveGaugeName, type LiveGauges, type LiveResult, type LiveSample } from "../types.ts";
import { accumulateCounter, type CounterState } from "./counterState.ts";
import { canonicalName, labelsMatch, type PromScrape, type PromSeries } from "./prometheusText.ts";

/** Which queue to read: RabbitMQ labels it `vhost`/`queue` (`queue_vhost` on the publish counter). */
export interface RabbitQueueRef {
  vhost: string;
  queue: string;
}

/** What the reader carries from one scrape to the next (pure data; start with undefined). */
export interface RabbitPromState {
  counters: Partial<Record<keyof LiveCounters, CounterState>>;
  /** The queue's reductions counter: it moves only when the queue process refreshes its gauges. */
  reductions?: number;
  /** When the gauges were first seen at their current refresh (ms). */
  gaugesEpochAt?: number;
}

// Fresh on every scrape: channels update these counters as they work.
const counterMetrics: Record<"published" | "delivered" | "acked" | "redelivered", string[]> = {
  published: ["rabbitmq_queue_messages_published_total"],
  delivered: ["rabbitmq_channel_messages_delivered_ack_total", "rabbitmq_channel_messages_delivered_total", "rabbitmq_channel_get_ack_total", "rabbitmq_channel_get_total"],
  acked: ["rabbitmq_channel_messages_acked_total"],
  redelivered: ["rabbitmq_channel_messages_redelivered_total"],
};

function pick(series: readonly PromSeries[], names: string[], labels: Record<string, string>): PromSeries[] {
  return series.filter((s) => names.includes(canonicalName(s.name)) && labelsMatch(s.labels, labels));
}

function gauge(series: readonly PromSeries[], name: string, labels: Record<string, string>): number | undefined {
  const s = pick(series, [name], labels).find((x) => Number.isFinite(x.value));
  return s?.value;
}

/** Unacked messages of the queue from fresh per-channel counters: deliveries with ack minus acks. */
function freshUnacked(series: readonly PromSeries[], labels: Record<string, string>): number | undefined {
  const byChannel = new Map<string, number>();
  const add = (names: string[], sign: number) => {
    for (const s of pick(series, names, labels)) if (Number.isFinite(s.value)) byChannel.set(s.labels.channel ?? "", (byChannel.get(s.labels.channel ?? "") ?? 0) + sign * s.value);
  };
  add(["rabbitmq_channel_messages_delivered_ack_total", "rabbitmq_channel_get_ack_total"], 1);
  add(["rabbitmq_channel_messages_acked_total"], -1);
  if (byChannel.size === 0) return undefined;
  let total = 0;
  for (const v of byChannel.values()) total += Math.max(0, v);
  return total;
}

/** The consumer prefetch of the channels that take messages from the queue (`/metrics/detailed` only). */
function prefetchOf(series: readonly PromSeries[], labels: Record<string, string>, notes: string[]): number | undefined {
  const channels = new Set(pick(series, counterMetrics.delivered, labels).map((s) => s.labels.channel));
  const values: number[] = [];
  for (const ch of channels) {
    const per = gauge(series, "rabbitmq_consumer_prefetch", { channel: ch ?? "" });
    const global = gauge(series, "rabbitmq_channel_prefetch", { channel: ch ?? "" });
    if (per === undefined && global === undefined) continue;
    values.push(per !== undefined && per > 0 ? per : (global ?? 0));
  }
  if (values.length === 0) {
    if (channels.size > 0) notes.push("the consumers' prefetch is not in these metrics (no rabbitmq_consumer_prefetch series)");
    return undefined;
  }
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length > 1) notes.push(`consumer channels use different prefetch values (${distinct.join(", ")}); the largest is reported`);
  return distinct.includes(0) ? 0 : distinct[distinct.length - 1];
}

/**
 * Reads one queue from a scrape of RabbitMQ's Prometheus endpoint (`/metrics/per-object` or
 * `/metrics/detailed`, RabbitMQ 3.8+). Counters (published, delivered, acked, redelivered) are
 * summed over the per-channel series and accumulated across scrapes with `prev`, so a channel
 * closing is not a counter reset; they are fresh on every scrape. The queue gauges (ready,
 * consumers, utilisation) are refreshed by the broker every 5 s: `gaugesAt` marks when the
 * current refresh was first seen. `unacked` is derived fresh from the channel counters
 * (deliveries with manual ack minus acks; nacks are not subtracted) when channels consume,
 * else taken from the queue gauge. Returns `notFound` when the scrape has no series for the
 * queue (unknown queue, or the aggregated `/metrics` endpoint). Pure; never throws.
 */
export function readRabbitPrometheus(scrape: PromScrape, ref: RabbitQueueRef, prev: RabbitPromState | undefined, nowMs: number): LiveResult<{ sample: LiveSample; state: RabbitPromState }> {
  const q = { vhost: ref.vhost, queue: ref.queue };
  const { series } = scrape;
  const ready = gauge(series, "rabbitmq_queue_messages_ready", q);
  if (ready === undefined) {
    const perQueue = series.some((s) => canonicalName(s.name) === "rabbitmq_queue_messages_ready" && "queue" in s.labels);
    return liveError("notFound", perQueue
      ? `no queue ${JSON.stringify(ref.queue)} in vhost ${JSON.stringify(ref.vhost)} in the Prometheus metrics`
      : "these Prometheus metrics have no per-queue series: use /metrics/per-object or /metrics/detailed");
  }
  const notes: string[] = [];
  const state: RabbitPromState = { counters: {} };
  const counters: LiveCounters = {};
  for (const [name, metrics] of Object.entries(counterMetrics) as [keyof typeof counterMetrics, string[]][]) {
    const labels = name === "published" ? { queue_vhost: ref.vhost, queue: ref.queue } : q;
    const s = accumulateCounter(prev?.counters[name], pick(series, metrics, labels));
    state.counters[name] = s;
    counters[name] = s.total;
  }
  const reductions = gauge(series, "rabbitmq_queue_process_reductions_total", q);
  const refreshed = prev?.gaugesEpochAt === undefined || reductions === undefined || reductions !== prev.reductions;
  const epoch = refreshed ? nowMs : prev.gaugesEpochAt!;
  if (reductions !== undefined) state.reductions = reductions;
  state.gaugesEpochAt = epoch;

  const gauges: LiveGauges = { ready };
  const gaugesAt: Partial<Record<LiveGaugeName, number>> = { ready: epoch };
  const consumers = gauge(series, "rabbitmq_queue_consumers", q);
  if (consumers !== undefined) {
    gauges.consumers = consumers;
    gaugesAt.consumers = epoch;
  }
  const util = gauge(series, "rabbitmq_queue_consumer_utilisation", q) ?? gauge(series, "rabbitmq_queue_consumer_capacity", q);
  if (util !== undefined && util >= 0 && util <= 1) {
    gauges.consumerUtilisation = util;
    gaugesAt.consumerUtilisation = epoch;
  }
  const unacked = freshUnacked(series, q);
  if (unacked !== undefined) gauges.unacked = unacked;
  else {
    const u = gauge(series, "rabbitmq_queue_messages_unacked", q);
    if (u !== undefined) {
      gauges.unacked = u;
      gaugesAt.unacked = epoch;
    }
  }
  const prefetch = prefetchOf(series, q, notes);
  if (prefetch !== undefined) gauges.prefetch = prefetch;
  const sample: LiveSample = { t: nowMs, countersAt: nowMs, gaugesAt, counters, gauges, notes };
  const head = gauge(series, "rabbitmq_queue_head_message_timestamp", q);
  if (head !== undefined && head > 0 && ready > 0) sample.oldestAgeS = Math.max(0, nowMs / 1000 - head);
  return { ok: true, value: { sample, state } };
}
