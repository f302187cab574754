import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRabbitQueue, parseRabbitQueueText } from "../../src/live/parse/rabbitmqQueue.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const busy = fixture("rabbitmq-3.10-api-queue-busy.json");
const history = fixture("rabbitmq-3.10-api-queue-history.json");
const now = Date.UTC(2026, 10, 27, 22, 0, 0);

describe("parseRabbitQueue (management API GET /api/queues/{vhost}/{name})", () => {
  it("reads counters, gauges and prefetch from the recorded busy queue", () => {
    const r = parseRabbitQueueText(busy, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value;
    // Values as recorded in rabbitmq-3.10-api-queue-busy.json.
    expect(s.counters).toEqual({ published: 313, delivered: 313, acked: 313, redelivered: 0 });
    expect(s.gauges).toMatchObject({ ready: 1, unacked: 2, consumers: 2, prefetch: 1 });
    expect(s.gauges.consumerUtilisation).toBeCloseTo(0.6366, 4);
    expect(s.t).toBe(now);
    // No history in this response: counters are as of the reading, and the caveat says so.
    expect(s.countersAt).toBeUndefined();
    expect(s.notes.join(" ")).toMatch(/refreshed every 5 s/);
  });

  it("stamps counters and gauges with the broker's newest history sample", () => {
    const r = parseRabbitQueueText(history, now);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.countersAt).toBe(1795817180000);
    expect(r.value.counters.acked).toBe(3043);
    expect(r.value.gaugesAt?.ready).toBe(1795817185000);
  });

  it("gives the head message's age when publishers set timestamps", () => {
    const r = parseRabbitQueueText(busy, 1795817106_000 + 2500);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.oldestAgeS).toBeCloseTo(2.5, 6);
  });

  it("keeps gauges and says why when message_stats is absent", () => {
    const q = JSON.parse(busy);
    delete q.message_stats;
    const r = parseRabbitQueue(q, now);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.counters).toEqual({});
    expect(r.value.gauges.ready).toBe(1);
    expect(r.value.notes.join(" ")).toMatch(/message_stats is absent.*metrics collector is disabled/);
  });

  it("drops a null or NaN consumer_utilisation with a note, never a NaN", () => {
    for (const bad of [null, "NaN", Number.NaN, 3]) {
      const q = { ...JSON.parse(busy), consumer_utilisation: bad, consumer_capacity: bad };
      const r = parseRabbitQueue(q, now);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.gauges.consumerUtilisation).toBeUndefined();
      expect(r.value.notes.join(" ")).toMatch(/consumer_utilisation is not a number/);
    }
  });

  it("reports auto-ack consumers as unlimited prefetch, and mixed prefetch values", () => {
    const q = JSON.parse(busy);
    q.consumer_details[1].prefetch_count = 10;
    const mixed = parseRabbitQueue(q, now);
    expect(mixed.ok && mixed.value.gauges.prefetch).toBe(10);
    expect(mixed.ok && mixed.value.notes.join(" ")).toMatch(/different prefetch values \(1, 10\)/);
    q.consumer_details[0].ack_required = false;
    const auto = parseRabbitQueue(q, now);
    expect(auto.ok && auto.value.gauges.prefetch).toBe(0);
  });

  it("maps the API's own error bodies to unauthorized and notFound", () => {
    const denied = parseRabbitQueueText('{"error":"not_authorized","reason":"Login failed"}', now);
    expect(denied).toEqual({ ok: false, error: { code: "unauthorized", message: expect.stringMatching(/refused the credentials/) } });
    const missing = parseRabbitQueueText('{"error":"Object Not Found","reason":"Not Found"}', now);
    expect(!missing.ok && missing.error.code).toBe("notFound");
  });

  it.each([
    ["truncated JSON", busy.slice(0, 200), /truncated JSON/],
    ["an HTML error page", "<html><body><h1>502 Bad Gateway</h1></body></html>", /HTML page/],
    ["an empty body", "", /empty response/],
    ["a JSON array", "[1,2]", /expected a JSON object/],
    ["an object that is not a queue", '{"management_version":"3.10.8"}', /not a queue object/],
    ["binary garbage", "\u0000\u0001\u0002garbage", /invalid JSON/],
  ])("refuses %s with a malformed error and no throw", (_what, text, message) => {
    const r = parseRabbitQueueText(text, now);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("malformed");
      expect(r.error.message).toMatch(message);
    }
  });

  it("ignores negative, string and NaN counts rather than passing them on", () => {
    const q = JSON.parse(busy);
    q.messages_ready = -1;
    q.messages_unacknowledged = "2";
    q.message_stats.ack = null;
    const r = parseRabbitQueue(q, now);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.gauges.ready).toBeUndefined();
    expect(r.value.gauges.unacked).toBeUndefined();
    expect(r.value.counters.acked).toBeUndefined();
    expect(JSON.stringify(r.value)).not.toMatch(/NaN|null/);
  });
});
