import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accumulateCounter } from "../../src/live/parse/counterState.ts";
import { parsePrometheusText, type PromScrape } from "../../src/live/parse/prometheusText.ts";
import { readMappedPrometheus, validateMapping, parseSelector } from "../../src/live/parse/promMapping.ts";
import { readRabbitPrometheus } from "../../src/live/parse/rabbitmqPrometheus.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const scrape = (text: string): PromScrape => {
  const r = parsePrometheusText(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const ref = { vhost: "/", queue: "mmc_live" };

describe("parsePrometheusText", () => {
  it("reads every metric line of the recorded per-object scrape", () => {
    const s = scrape(fixture("rabbitmq-3.10-prometheus-per-object.txt"));
    expect(s.badLines).toBe(0);
    const ready = s.series.find((x) => x.name === "rabbitmq_queue_messages_ready");
    expect(ready).toEqual({ name: "rabbitmq_queue_messages_ready", labels: { vhost: "/", queue: "names_probe" }, value: 0 });
    expect(Number.isNaN(s.series.find((x) => x.name === "rabbitmq_queue_head_message_timestamp")!.value)).toBe(true);
  });

  it("unescapes label values and ignores timestamps", () => {
    const s = scrape('m{a="x\\"y",b="1\\\\2",c="l\\nm"} 3.5e2 1700000000000\nn +Inf\n');
    expect(s.series[0]).toEqual({ name: "m", labels: { a: 'x"y', b: "1\\2", c: "l\nm" }, value: 350 });
    expect(s.series[1]!.value).toBe(Infinity);
  });

  it("counts unreadable lines but refuses a body with no metric at all", () => {
    expect(scrape("ok 1\nbroken{a=\"x 2\n").badLines).toBe(1);
    for (const bad of ["<html><body>Not Found</body></html>", '{"json": true}', "\u0000\u0001"]) {
      const r = parsePrometheusText(bad);
      expect(r.ok ? "parsed" : r.error.code).toBe("malformed");
    }
    expect(parsePrometheusText("").ok).toBe(true);
  });
});

describe("readRabbitPrometheus", () => {
  it("reads the recorded detailed scrape: fresh counters, prefetch from channel_metrics", () => {
    const r = readRabbitPrometheus(scrape(fixture("rabbitmq-3.10-prometheus-detailed-busy.txt")), ref, undefined, 1000);
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.sample;
    // Sums over the two consumer channels of the recorded scrape: 247 + 236 delivered, 246 + 235 acked.
    expect(s.counters).toEqual({ published: 490, delivered: 483, acked: 481, redelivered: 0 });
    expect(s.gauges).toMatchObject({ ready: 0, consumers: 2, prefetch: 1 });
    // Unacked from the channel counters (483 - 481), fresher than the queue gauge (1).
    expect(s.gauges.unacked).toBe(2);
    expect(s.oldestAgeS).toBeUndefined(); // ready is 0
  });

  it("reads the per-object endpoint too, and says where the prefetch is when it is missing", () => {
    const text = fixture("rabbitmq-3.10-prometheus-per-object-busy.txt");
    const r = readRabbitPrometheus(scrape(text), ref, undefined, 1000);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sample.counters.published).toBe(495);
    expect(r.value.sample.gauges.prefetch).toBe(1);
    const without = text.split("\n").filter((l) => !/_prefetch\{/.test(l)).join("\n");
    const w = readRabbitPrometheus(scrape(without), ref, undefined, 1000);
    if (!w.ok) throw new Error(w.error.message);
    expect(w.value.sample.gauges.prefetch).toBeUndefined();
    expect(w.value.sample.notes.join(" ")).toMatch(/prefetch is not in these metrics/);
  });

  it("reports an unknown queue, and an endpoint without per-queue series", () => {
    const s = scrape(fixture("rabbitmq-3.10-prometheus-per-object.txt"));
    const r = readRabbitPrometheus(s, ref, undefined, 0);
    expect(!r.ok && r.error).toEqual({ code: "notFound", message: expect.stringMatching(/no queue "mmc_live" in vhost "\/"/) });
    const aggregated = readRabbitPrometheus(scrape("rabbitmq_queue_messages_ready 3\n"), ref, undefined, 0);
    expect(!aggregated.ok && aggregated.error.message).toMatch(/no per-queue series/);
  });

  it("keeps counting across scrapes when a consumer channel closes (no false reset)", () => {
    const text = fixture("rabbitmq-3.10-prometheus-detailed-busy.txt");
    const first = readRabbitPrometheus(scrape(text), ref, undefined, 1000);
    if (!first.ok) throw new Error(first.error.message);
    // Second scrape: channel <0.1402.0> is gone, the other acked 10 more.
    const later = text.split("\n").filter((l) => !l.includes("<0.1402.0>")).map((l) => l.replace(/(acked_total\{channel="<0.1407.0>"[^}]*\}) 235/, "$1 245")).join("\n");
    const second = readRabbitPrometheus(scrape(later), ref, first.value.state, 2000);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.sample.counters.acked).toBe(481 + 10);
  });

  it("marks the gauges as refreshed only when the queue's reductions counter moves", () => {
    const text = fixture("rabbitmq-3.10-prometheus-detailed-busy.txt");
    const a = readRabbitPrometheus(scrape(text), ref, undefined, 1000);
    if (!a.ok) throw new Error();
    const b = readRabbitPrometheus(scrape(text), ref, a.value.state, 2000);
    if (!b.ok) throw new Error();
    expect(b.value.sample.gaugesAt?.ready).toBe(1000);
    const c = readRabbitPrometheus(scrape(text.replace("341885", "350000")), ref, b.value.state, 3000);
    if (!c.ok) throw new Error();
    expect(c.value.sample.gaugesAt?.ready).toBe(3000);
  });
});

describe("accumulateCounter", () => {
  const series = (values: Record<string, number>) => Object.entries(values).map(([ch, value]) => ({ name: "c_total", labels: { ch }, value }));
  it("adds increases, whole values of new series, and restarts of a series that went down", () => {
    let s = accumulateCounter(undefined, series({ a: 10, b: 5 }));
    expect(s.total).toBe(15);
    s = accumulateCounter(s, series({ a: 12, b: 5, c: 3 }));
    expect(s.total).toBe(20);
    s = accumulateCounter(s, series({ a: 1, c: 4 }));
    expect(s.total).toBe(22);
  });
});

describe("generic Prometheus mapping", () => {
  it("parses selectors and refuses unknown figures or bad selectors", () => {
    expect(parseSelector('jobs_done_total{queue="a b"}')).toEqual({ ok: true, value: { metric: "jobs_done_total", labels: { queue: "a b" } } });
    expect(parseSelector("not a selector{").ok).toBe(false);
    expect(validateMapping({ lambda: "x" }).ok).toBe(false);
    expect(validateMapping({}).ok).toBe(false);
  });

  it("reads mapped counters and gauges from any exposition", () => {
    const m = validateMapping({ published: 'app_in_total{q="a"}', acked: 'app_done_total{q="a"}', ready: "app_backlog" });
    if (!m.ok) throw new Error(m.error.message);
    const text = 'app_in_total{q="a",w="1"} 5\napp_in_total{q="a",w="2"} 7\napp_in_total{q="b"} 100\napp_done_total{q="a"} 9\napp_backlog 3\n';
    const r = readMappedPrometheus(scrape(text), m.value, undefined, 50);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sample.counters).toEqual({ published: 12, acked: 9 });
    expect(r.value.sample.gauges).toEqual({ ready: 3 });
    const none = readMappedPrometheus(scrape("other 1\n"), m.value, undefined, 50);
    expect(!none.ok && none.error.code).toBe("notFound");
  });
});
