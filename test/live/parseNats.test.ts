import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJsz, parseJszText, parseNatsQueueName } from "../../src/live/parse/natsJsz.ts";

const jszText = readFileSync(new URL("./fixtures/nats-2.9-jsz.json", import.meta.url), "utf8");
const local = 1_000;

describe("parseJsz (NATS /jsz?streams=true&consumers=true&config=true)", () => {
  it("reads the recorded stream and consumer", () => {
    const r = parseJszText(jszText, { stream: "MMC", consumer: "workers" }, local);
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value;
    // nats-2.9-jsz.json: last_seq 246, delivered 246/246, 2 pending acks, max_ack_pending 1000.
    expect(s.counters).toEqual({ published: 246, delivered: 246, acked: 244 });
    expect(s.gauges).toEqual({ ready: 0, unacked: 2, waitingPulls: 0, prefetch: 1000 });
    expect(s.t).toBe(local);
    expect(s.countersAt).toBe(Date.parse("2026-11-27T22:12:39.588569146Z"));
    // Workqueue retention: the oldest stored message is the oldest unprocessed one.
    expect(s.oldestAgeS).toBeCloseTo((Date.parse("2026-11-27T22:12:39.588Z") - Date.parse("2026-11-27T22:12:39.520Z")) / 1000, 2);
    expect(s.notes.join(" ")).toMatch(/does not report how many workers/);
    // max_ack_pending caps the whole consumer: it is not each worker's prefetch.
    expect(s.notes.join(" ")).toMatch(/prefetch is the consumer's max_ack_pending \(1000\), shared by all its workers/);
  });

  it("takes the only consumer when none is named", () => {
    const r = parseJszText(jszText, parseNatsQueueName("MMC"), local);
    expect(r.ok && r.value.counters.acked).toBe(244);
    expect(parseNatsQueueName("S/c/d")).toEqual({ stream: "S", consumer: "c/d" });
  });

  it("names the streams and consumers that exist when one is unknown", () => {
    const s = parseJszText(jszText, { stream: "NOPE" }, local);
    expect(!s.ok && s.error).toEqual({ code: "notFound", message: expect.stringMatching(/no JetStream stream "NOPE" \(streams: "MMC"/) });
    const c = parseJszText(jszText, { stream: "MMC", consumer: "x" }, local);
    expect(!c.ok && c.error.message).toMatch(/no consumer "x" on stream "MMC" \(consumers: "workers"\)/);
  });

  it("refuses garbage and a disabled JetStream with clear errors", () => {
    expect(parseJsz({ disabled: true }, { stream: "MMC" }, local)).toMatchObject({ ok: false, error: { code: "metricsDisabled" } });
    for (const bad of [jszText.slice(0, 300), "<html>404</html>", "null", '{"foo":1}']) {
      const r = parseJszText(bad, { stream: "MMC" }, local);
      expect(r.ok ? "parsed" : r.error.code).toBe("malformed");
    }
  });

  it("falls back to the local clock when the server's now is missing or garbled", () => {
    const j = JSON.parse(jszText);
    j.now = "yesterday";
    const r = parseJsz(j, { stream: "MMC" }, local);
    expect(r.ok && r.value.countersAt).toBe(local);
  });
});
