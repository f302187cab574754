import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge, type RunningBridge } from "../../src/live/bridge/server.ts";
import { estimateLive } from "../../src/live/estimate/estimateLive.ts";
import { basicAuthorization, isLoopbackHost, parseBrokerUrl } from "../../src/live/sources/brokerUrl.ts";
import { addBridgeTarget, bridgeSource } from "../../src/live/sources/bridgeSource.ts";
import { createSource, remoteSourceKinds } from "../../src/live/sources/createSource.ts";
import { closedPort, upstream } from "./support/httpHelpers.ts";

const detailed = readFileSync(new URL("./fixtures/rabbitmq-3.10-prometheus-detailed-busy.txt", import.meta.url), "utf8");
const busyQueue = readFileSync(new URL("./fixtures/rabbitmq-3.10-api-queue-busy.json", import.meta.url), "utf8");
const perObject = readFileSync(new URL("./fixtures/rabbitmq-3.10-prometheus-per-object-busy.txt", import.meta.url), "utf8");

describe("broker URLs", () => {
  it("takes credentials out of the URL and keeps only the origin", () => {
    expect(parseBrokerUrl("http://guest:p%40ss%3Aw@127.0.0.1:15672/")).toEqual({ ok: true, value: { origin: "http://127.0.0.1:15672", username: "guest", password: "p@ss:w" } });
    expect(parseBrokerUrl("http://[::1]:8222")).toEqual({ ok: true, value: { origin: "http://[::1]:8222" } });
  });

  it("knows loopback from everything else", () => {
    for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "128.0.0.1", "127.0.0.1.evil.example", "localhost.evil.example", "::", "10.0.0.1", "1277.0.0.1"]) expect(isLoopbackHost(h), h).toBe(false);
  });

  it("never repeats credentials in its refusals", () => {
    for (const url of ["http://user:hunter2@10.0.0.1:15672", "ftp://user:hunter2@127.0.0.1", "http://user:hunter2@127.0.0.1:15672/api?x=1", "nonsense hunter2"]) {
      const r = parseBrokerUrl(url);
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain("hunter2");
    }
  });

  it("encodes Basic credentials as UTF-8 (RFC 7617)", () => {
    expect(basicAuthorization("guest", "guest")).toBe("Basic Z3Vlc3Q6Z3Vlc3Q=");
    expect(basicAuthorization("zoë", "pässwörd")).toBe(`Basic ${Buffer.from("zoë:pässwörd", "utf8").toString("base64")}`);
    expect(basicAuthorization()).toBeUndefined();
  });
});

describe("sources against a closed loopback port", () => {
  it.each(remoteSourceKinds)("%s reports a clear unreachable state, and never throws", async (kind) => {
    const port = await closedPort();
    const source = createSource({ kind, endpoint: { origin: `http://127.0.0.1:${port}`, username: "u", password: "secret-x" }, queue: "q", mapping: { acked: { metric: "x", labels: {} } } });
    const s = await source.sample();
    expect(s.error).toEqual({ code: "unreachable", message: expect.stringMatching(new RegExp(`127\\.0\\.0\\.1:${port} is unreachable \\(connection refused\\)`)) });
    expect(JSON.stringify(s) + source.describe()).not.toContain("secret-x");
  });
});

describe("sources against recorded responses", () => {
  let server: Awaited<ReturnType<typeof upstream>>;
  let detailedMissing = false;
  beforeAll(async () => {
    server = await upstream((req, res) => {
      const url = req.url ?? "";
      if (url.startsWith("/metrics/detailed")) return detailedMissing ? res.writeHead(404).end() : res.writeHead(200).end(detailed);
      if (url.startsWith("/metrics/per-object")) return res.writeHead(200).end(perObject);
      if (url.startsWith("/api/overview")) return res.writeHead(200).end('{"disable_stats":true}');
      if (url.startsWith("/api/queues/")) {
        const q = JSON.parse(busyQueue);
        delete q.message_stats;
        return res.writeHead(200).end(JSON.stringify(q));
      }
      if (url === "/metrics") return res.writeHead(200).end('jobs_in_total{queue="a"} 10\njobs_done_total{queue="a"} 7\n');
      res.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  it("asks /metrics/detailed for the needed families and the vhost only", async () => {
    const s = await createSource({ kind: "rabbitmq-prometheus", endpoint: { origin: server.url }, queue: "mmc_live" }).sample();
    expect(s.error).toBeUndefined();
    expect(s.gauges.prefetch).toBe(1);
    expect(server.seen.at(-1)!.url).toBe("/metrics/detailed?vhost=%2F&family=queue_coarse_metrics&family=queue_consumer_count&family=queue_metrics&family=channel_queue_metrics&family=channel_queue_exchange_metrics&family=channel_metrics");
  });

  it("falls back to /metrics/per-object when the broker has no detailed endpoint", async () => {
    detailedMissing = true;
    const source = createSource({ kind: "rabbitmq-prometheus", endpoint: { origin: server.url }, queue: "mmc_live" });
    const s = await source.sample();
    detailedMissing = false;
    expect(s.counters.published).toBe(495);
    expect(source.describe()).toMatch(/metrics\/per-object/);
  });

  it("takes counters from Prometheus when the management metrics collector is disabled", async () => {
    const source = createSource({ kind: "rabbitmq-api", endpoint: { origin: server.url }, queue: "mmc_live", counterFallback: { origin: server.url } });
    const s = await source.sample();
    expect(s.error).toBeUndefined();
    expect(s.counters).toEqual({ published: 490, delivered: 483, acked: 481, redelivered: 0 });
    expect(s.gauges.consumers).toBe(2); // gauges still from the management API
    expect(s.notes.join(" ")).toMatch(/counters from RabbitMQ Prometheus .* \(metrics collector disabled\)/);
  });

  it("reads any exporter with a mapping, and keeps counter state between samples", async () => {
    const source = createSource({ kind: "prometheus", endpoint: { origin: server.url }, queue: "a", mapping: { published: { metric: "jobs_in_total", labels: { queue: "a" } }, acked: { metric: "jobs_done_total", labels: { queue: "a" } } } });
    const a = await source.sample();
    const b = await source.sample();
    expect(a.counters).toEqual({ published: 10, acked: 7 });
    expect(b.counters).toEqual({ published: 10, acked: 7 });
    const refused = await createSource({ kind: "prometheus", endpoint: { origin: server.url }, queue: "a", metricsPath: "/admin", mapping: { acked: { metric: "x", labels: {} } } }).sample();
    expect(refused.error?.code).toBe("badTarget");
  });
});

describe("the page's path: bridge client and bridge source", () => {
  let bridge: RunningBridge;
  let server: Awaited<ReturnType<typeof upstream>>;
  beforeAll(async () => {
    server = await upstream((_req, res) => res.writeHead(200).end(detailed));
    bridge = await startBridge({ port: 0 });
  });
  afterAll(async () => {
    await bridge.close();
    await server.close();
  });

  it("configures a target, then samples and estimates through the bridge", async () => {
    const added = await addBridgeTarget({ kind: "rabbitmq-prometheus", baseUrl: server.url, username: "page-user", password: "page-secret" }, { bridgeUrl: `${bridge.url}/bridge` });
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value).toEqual({ id: expect.any(String), kind: "rabbitmq-prometheus", baseUrl: server.url, hasCredentials: true });
    const source = bridgeSource({ bridgeUrl: `${bridge.url}/bridge`, target: added.value.id, queue: "mmc_live" });
    const samples = [await source.sample(), await source.sample()];
    expect(samples[0]!.error).toBeUndefined();
    expect(samples[0]!.counters.published).toBe(490);
    expect(estimateLive(samples).consumers.value).toBe(2);
    expect(server.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from("page-user:page-secret").toString("base64")}`);
  });

  it("shows the bridge's own errors and an absent bridge as errors, not exceptions", async () => {
    const unknown = await bridgeSource({ bridgeUrl: `${bridge.url}/bridge`, target: "t404", queue: "q" }).sample();
    expect(unknown.error?.code).toBe("unknownTarget");
    const refused = await addBridgeTarget({ kind: "rabbitmq-api", baseUrl: "http://10.0.0.1:15672" }, { bridgeUrl: `${bridge.url}/bridge` });
    expect(!refused.ok && refused.error.code).toBe("badTarget");
    const port = await closedPort();
    const gone = await bridgeSource({ bridgeUrl: `http://127.0.0.1:${port}/bridge`, target: "t1", queue: "q" }).sample();
    expect(gone.error).toEqual({ code: "unreachable", message: expect.stringMatching(/bridge is unreachable: is npm start running/) });
  });
});
