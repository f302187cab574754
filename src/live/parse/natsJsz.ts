import { liveError, type LiveResult, type LiveSample } from "../types.ts";
import { asObject, count, parseJsonBody } from "./body.ts";

type Json = Record<string, unknown>;

/** A JetStream stream and (optionally) one of its consumers. */
export interface NatsConsumerRef {
  stream: string;
  /** Durable or named consumer; optional when the stream has exactly one. */
  consumer?: string;
}

/**
 * Reads `STREAM/CONSUMER` or `STREAM` (a queue name given on the command line or in the page)
 * into a reference.
 */
export function parseNatsQueueName(name: string): NatsConsumerRef {
  const slash = name.indexOf("/");
  return slash < 0 ? { stream: name } : { stream: name.slice(0, slash), consumer: name.slice(slash + 1) };
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(asObject).filter((o) => o !== undefined) : [];
}

function findStream(jsz: Json, name: string): Json | undefined {
  for (const account of list(jsz.account_details)) {
    const s = list(account.stream_detail).find((d) => d.name === name);
    if (s) return s;
  }
  return undefined;
}

function streamNames(jsz: Json): string[] {
  return list(jsz.account_details).flatMap((a) => list(a.stream_detail).map((d) => String(d.name)));
}

function readConsumer(c: Json, stream: Json, localMs: number, nowMs: number, notes: string[]): LiveSample {
  const delivered = asObject(c.delivered);
  const config = asObject(c.config);
  const state = asObject(stream.state);
  const ackPending = count(c, "num_ack_pending");
  const deliveredStreamSeq = count(delivered, "stream_seq");
  const sample: LiveSample = { t: localMs, countersAt: nowMs, counters: {}, gauges: {}, notes };
  const published = count(state, "last_seq");
  if (published !== undefined) sample.counters.published = published;
  const deliveries = count(delivered, "consumer_seq");
  if (deliveries !== undefined) sample.counters.delivered = deliveries;
  // Every stream message up to delivered.stream_seq was delivered and is acked or still pending.
  if (deliveredStreamSeq !== undefined && ackPending !== undefined) sample.counters.acked = Math.max(0, deliveredStreamSeq - ackPending);
  const g = sample.gauges;
  const set = (k: keyof typeof g, v: number | undefined) => v !== undefined && (g[k] = v);
  set("ready", count(c, "num_pending"));
  set("unacked", ackPending);
  set("waitingPulls", count(c, "num_waiting"));
  const maxAckPending = config ? config.ack_policy === "none" ? 0 : count(config, "max_ack_pending") : undefined;
  set("prefetch", maxAckPending === undefined ? undefined : maxAckPending < 0 ? 0 : maxAckPending);
  notes.push("NATS does not report how many workers share a consumer: give the consumers count");
  // max_ack_pending caps the whole consumer, not each worker: N workers pulling one at a time show N.
  if (maxAckPending !== undefined && maxAckPending !== 1) notes.push(`prefetch is the consumer's max_ack_pending (${maxAckPending < 0 || maxAckPending === 0 ? "unlimited" : maxAckPending}), shared by all its workers: give the prefetch per worker if they pull fewer at a time`);
  if (config && typeof config.filter_subject === "string" && config.filter_subject !== "") notes.push("the consumer filters subjects: published counts the whole stream");
  const firstTs = typeof state?.first_ts === "string" ? Date.parse(state.first_ts) : NaN;
  const retention = asObject(asObject(stream.config))?.retention;
  if (retention === "workqueue" && (count(state, "messages") ?? 0) > 0 && Number.isFinite(firstTs)) sample.oldestAgeS = Math.max(0, (nowMs - firstTs) / 1000);
  return sample;
}

/**
 * Reads `GET /jsz?streams=true&consumers=true&config=true` (NATS 2.9+ monitoring) for one stream
 * and consumer. Counters: published = the stream's last_seq; delivered = the consumer's
 * delivered.consumer_seq (redeliveries included); acked = delivered.stream_seq - num_ack_pending
 * (messages delivered and no longer pending; exact when the consumer sees every stream message).
 * Gauges: ready = num_pending, unacked = num_ack_pending, waitingPulls = num_waiting, prefetch =
 * max_ack_pending (0 for ack_policy none or unlimited). Figures are real time, counters stamped with the
 * server's `now` (else `localNowMs`, which also stamps the sample). Unknown stream or consumer: `notFound` listing
 * what exists. Pure; never throws.
 */
export function parseJsz(body: unknown, ref: NatsConsumerRef, localNowMs: number): LiveResult<LiveSample> {
  const jsz = asObject(body);
  if (!jsz) return liveError("malformed", "NATS /jsz: expected a JSON object");
  if (jsz.disabled === true) return liveError("metricsDisabled", "NATS JetStream is disabled on this server");
  if (!("account_details" in jsz) && !("server_id" in jsz)) return liveError("malformed", "NATS /jsz: not a JetStream report (no server_id)");
  const serverNow = typeof jsz.now === "string" ? Date.parse(jsz.now) : NaN;
  const nowMs = Number.isFinite(serverNow) ? serverNow : localNowMs;
  const stream = findStream(jsz, ref.stream);
  if (!stream) {
    const names = streamNames(jsz);
    return liveError("notFound", `no JetStream stream ${JSON.stringify(ref.stream)} (streams: ${names.length ? names.map((n) => JSON.stringify(n)).join(", ") : "none"})`);
  }
  const consumers = list(stream.consumer_detail);
  const consumer = ref.consumer === undefined ? (consumers.length === 1 ? consumers[0] : undefined) : consumers.find((c) => c.name === ref.consumer);
  if (!consumer) {
    const names = consumers.map((c) => JSON.stringify(String(c.name))).join(", ") || "none";
    const what = ref.consumer === undefined ? `stream ${JSON.stringify(ref.stream)} has ${consumers.length} consumers: name one as STREAM/CONSUMER` : `no consumer ${JSON.stringify(ref.consumer)} on stream ${JSON.stringify(ref.stream)}`;
    return liveError("notFound", `${what} (consumers: ${names})`);
  }
  return { ok: true, value: readConsumer(consumer, stream, localNowMs, nowMs, []) };
}

/** `parseJsz` of a response body's text. */
export function parseJszText(text: string, ref: NatsConsumerRef, localNowMs: number): LiveResult<LiveSample> {
  const json = parseJsonBody(text, "NATS /jsz");
  return json.ok ? parseJsz(json.value, ref, localNowMs) : json;
}
