import { liveError, type LiveCounters, type LiveGauges, type LiveResult, type LiveSample } from "../types.ts";
import { asObject, count, finite, parseJsonBody } from "./body.ts";

type Json = Record<string, unknown>;

// message_stats keys and the counter each one feeds.
const counterKeys: [keyof LiveCounters, string][] = [
  ["published", "publish"],
  ["delivered", "deliver_get"],
  ["acked", "ack"],
  ["redelivered", "redeliver"],
];

/** The newest `{sample, timestamp}` of a `*_details.samples` history (present with `msg_rates_age`). */
function newestSample(details: unknown): { sample: number; timestamp: number } | undefined {
  const samples = asObject(details)?.samples;
  if (!Array.isArray(samples)) return undefined;
  let best: { sample: number; timestamp: number } | undefined;
  for (const s of samples) {
    const o = asObject(s);
    const sample = finite(o, "sample");
    const timestamp = finite(o, "timestamp");
    if (sample !== undefined && timestamp !== undefined && (!best || timestamp > best.timestamp)) best = { sample, timestamp };
  }
  return best;
}

/**
 * Counters from `message_stats`. When the response carries the history samples (`msg_rates_age`),
 * the counters are taken at the newest sample and stamped with its broker time: the management
 * database refreshes counters every `collect_statistics_interval` (5 s), so a plain reading can be
 * several seconds stale, while rates between stamped samples are exact.
 */
function readCounters(stats: Json, notes: string[]): { counters: LiveCounters; countersAt?: number } {
  const counters: LiveCounters = {};
  const stamps = counterKeys.map(([, key]) => newestSample(stats[`${key}_details`])).filter((s) => s !== undefined);
  const at = stamps.length > 0 ? Math.max(...stamps.map((s) => s.timestamp)) : undefined;
  for (const [name, key] of counterKeys) {
    const newest = newestSample(stats[`${key}_details`]);
    const value = newest && newest.timestamp === at ? newest.sample : count(stats, key);
    if (value !== undefined) counters[name] = value;
  }
  if (at === undefined) notes.push("management counters are refreshed every 5 s and carry no timestamp here: rates over short windows are approximate");
  else notes.push("management counters are as of the broker's last 5-s refresh, stamped by the broker: rates are exact, and describe a window that ends up to ~5 s before the reading");
  return at === undefined ? { counters } : { counters, countersAt: at };
}

/** The prefetch the queue's consumers run with: their common prefetch_count, 0 for auto-ack. */
function readPrefetch(q: Json, consumers: number | undefined, notes: string[]): number | undefined {
  const details = Array.isArray(q.consumer_details) ? q.consumer_details.map(asObject).filter((d) => d !== undefined) : [];
  if (details.length === 0) {
    if (consumers !== undefined && consumers > 0) notes.push("consumer_details is empty: the consumers' prefetch is unknown");
    return undefined;
  }
  const values = details.map((d) => (d.ack_required === false ? 0 : count(d, "prefetch_count"))).filter((v) => v !== undefined);
  if (values.length === 0) return undefined;
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length > 1) notes.push(`consumers use different prefetch values (${distinct.join(", ")}); the largest is reported`);
  if (distinct.includes(0)) notes.push("some consumers have no prefetch limit (prefetch 0 or auto-ack)");
  return distinct.includes(0) ? 0 : distinct[distinct.length - 1];
}

function readGauges(q: Json, notes: string[]): { gauges: LiveGauges; gaugesAt: LiveSample["gaugesAt"] } {
  const gauges: LiveGauges = {};
  const set = (name: keyof LiveGauges, v: number | undefined) => v !== undefined && (gauges[name] = v);
  set("ready", count(q, "messages_ready"));
  set("unacked", count(q, "messages_unacknowledged"));
  set("consumers", count(q, "consumers"));
  set("prefetch", readPrefetch(q, gauges.consumers, notes));
  const util = finite(q, "consumer_utilisation") ?? finite(q, "consumer_capacity");
  if (util !== undefined && util >= 0 && util <= 1) gauges.consumerUtilisation = util;
  else if ((gauges.consumers ?? 0) > 0) notes.push("consumer_utilisation is not a number in [0, 1] (no data yet)");
  const readyAt = newestSample(q.messages_ready_details)?.timestamp;
  const unackedAt = newestSample(q.messages_unacknowledged_details)?.timestamp;
  const gaugesAt: NonNullable<LiveSample["gaugesAt"]> = {};
  if (readyAt !== undefined) gaugesAt.ready = readyAt;
  if (unackedAt !== undefined) gaugesAt.unacked = unackedAt;
  return { gauges, gaugesAt };
}

/** Maps the management API's own error bodies (`{"error": ..., "reason": ...}`) to live errors. */
function apiError(q: Json): LiveResult<never> | undefined {
  if (typeof q.error !== "string") return undefined;
  const reason = typeof q.reason === "string" ? q.reason : q.error;
  if (q.error === "not_authorized") return liveError("unauthorized", `RabbitMQ refused the credentials (${reason})`);
  if (/not found/i.test(q.error)) return liveError("notFound", "RabbitMQ has no such queue in this vhost");
  return liveError("httpError", `RabbitMQ answered an error: ${q.error}: ${reason}`.slice(0, 200));
}

/**
 * Reads `GET /api/queues/{vhost}/{name}` (RabbitMQ management API, 3.x) into a sample: counters
 * from `message_stats` (publish, deliver_get, ack, redeliver), gauges (messages_ready,
 * messages_unacknowledged, consumers, prefetch from consumer_details, consumer_utilisation) and
 * the head message's age when publishers set a timestamp. `nowMs` stamps the sample.
 * Returns `malformed` for anything that is not a queue object, never throws. A queue without
 * `message_stats` (new, or the metrics collector disabled) gives a sample without counters and
 * a note saying so.
 */
export function parseRabbitQueue(body: unknown, nowMs: number): LiveResult<LiveSample> {
  const q = asObject(body);
  if (!q) return liveError("malformed", "RabbitMQ queue: expected a JSON object");
  const err = apiError(q);
  if (err) return err;
  if (typeof q.name !== "string") return liveError("malformed", "RabbitMQ queue: no \"name\" field: not a queue object");
  const notes: string[] = [];
  const stats = asObject(q.message_stats);
  const { counters, countersAt } = stats ? readCounters(stats, notes) : { counters: {}, countersAt: undefined };
  if (!stats) notes.push("message_stats is absent: the queue is new (first 5 s) or the management metrics collector is disabled");
  const { gauges, gaugesAt } = readGauges(q, notes);
  const sample: LiveSample = { t: nowMs, counters, gauges, notes };
  if (countersAt !== undefined) sample.countersAt = countersAt;
  if (gaugesAt && Object.keys(gaugesAt).length > 0) sample.gaugesAt = gaugesAt;
  const head = finite(q, "head_message_timestamp");
  if (head !== undefined && head > 0 && (gauges.ready ?? 0) > 0) sample.oldestAgeS = Math.max(0, nowMs / 1000 - head);
  if (typeof q.state === "string" && q.state !== "running" && q.state !== "idle") notes.push(`queue state is ${JSON.stringify(q.state)}`);
  return { ok: true, value: sample };
}

/** `parseRabbitQueue` of a response body's text (JSON checks first). */
export function parseRabbitQueueText(text: string, nowMs: number): LiveResult<LiveSample> {
  const json = parseJsonBody(text, "RabbitMQ queue");
  return json.ok ? parseRabbitQueue(json.value, nowMs) : json;
}
