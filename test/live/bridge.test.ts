import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLoopbackBind, startBridge, type RunningBridge } from "../../src/live/bridge/server.ts";
import { call, closedPort, upstream } from "./support/httpHelpers.ts";

const busy = readFileSync(new URL("./fixtures/rabbitmq-3.10-api-queue-busy.json", import.meta.url), "utf8");
const user = "kendall-user-7f3a";
const secret = "s3cr3t-Pa55-word!";
const json = { "content-type": "application/json" };

// Everything the bridge says and logs is kept, to check that no credential ever shows.
const said: string[] = [];
const logs: string[] = [];

type Upstream = Awaited<ReturnType<typeof upstream>>;
let bridge: RunningBridge;
let broker: Upstream;

async function bridgeCall(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}) {
  const r = await call(bridge.url, method, path, options);
  said.push(r.body, JSON.stringify(r.headers));
  return r;
}

async function addTarget(body: Record<string, unknown>) {
  return bridgeCall("POST", "/bridge/targets", { headers: json, body: JSON.stringify(body) });
}

beforeAll(async () => {
  broker = await upstream((req, res) => {
    const url = req.url ?? "";
    if (url.startsWith("/api/queues/%2F/mmc_M1")) return res.writeHead(200, { "content-type": "application/json" }).end(busy);
    if (url.startsWith("/api/queues/%2F/html")) return res.writeHead(200, { "content-type": "text/html" }).end("<html><body>proxy error</body></html>");
    if (url.startsWith("/api/queues/%2F/big")) return res.writeHead(200).end(`{"name":"big","pad":"${"x".repeat(300_000)}"}`);
    if (url.startsWith("/api/queues/%2F/moved")) return res.writeHead(302, { location: "http://example.com/steal" }).end();
    if (url.startsWith("/api/queues/%2F/slow")) return; // never answers
    if (url.startsWith("/api/queues/%2F/nostats")) {
      const q = JSON.parse(busy);
      delete q.message_stats;
      return res.writeHead(200).end(JSON.stringify(q));
    }
    if (url.startsWith("/api/overview")) return res.writeHead(200).end('{"disable_stats":true}');
    if (url.startsWith("/api/queues/%2F/denied")) return res.writeHead(401).end('{"error":"not_authorized","reason":"Login failed"}');
    res.writeHead(404).end('{"error":"Object Not Found","reason":"Not Found"}');
  });
  bridge = await startBridge({ port: 0, log: (l) => logs.push(l), limits: { upstreamTimeoutMs: 500, upstreamMaxBytes: 100_000, burst: 200 } });
});

afterAll(async () => {
  await bridge.close();
  await broker.close();
});

describe("bridge: binding", () => {
  it("refuses to listen on anything but loopback", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "127.0.0.1.nip.io"]) {
      expect(() => assertLoopbackBind(host), host).toThrow(RangeError);
      await expect(startBridge({ host, port: 0 })).rejects.toThrow(/loopback only/);
    }
    for (const host of ["127.0.0.1", "::1", "localhost", "127.0.0.2"]) expect(() => assertLoopbackBind(host)).not.toThrow();
  });

  it("listens on 127.0.0.1 only", () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("bridge: targets", () => {
  it("accepts a loopback broker and never echoes its credentials", async () => {
    const r = await addTarget({ kind: "rabbitmq-api", baseUrl: broker.url, username: user, password: secret });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.any(String), kind: "rabbitmq-api", baseUrl: broker.url, hasCredentials: true });
    const list = await bridgeCall("GET", "/bridge/targets");
    expect(list.body).not.toContain(secret);
  });

  it.each([
    ["another host", { kind: "rabbitmq-api", baseUrl: "http://192.168.1.5:15672" }, /not a loopback address/],
    ["a name that is not localhost", { kind: "rabbitmq-api", baseUrl: "http://evil.example:15672" }, /not a loopback address/],
    ["file://", { kind: "rabbitmq-api", baseUrl: "file:///etc/passwd" }, /unsupported scheme/],
    ["a path", { kind: "rabbitmq-api", baseUrl: "http://127.0.0.1:15672/api/../../etc" }, /without a path/],
    ["credentials in the URL", { kind: "rabbitmq-api", baseUrl: `http://${user}:${secret}@127.0.0.1:15672` }, /credentials do not belong in a URL/],
    ["an unknown kind", { kind: "ssh", baseUrl: "http://127.0.0.1:22" }, /kind: expected one of/],
    ["a non-metrics path", { kind: "prometheus", baseUrl: "http://127.0.0.1:9090", mapping: { acked: "x" }, metricsPath: "/api/v1/admin" }, /only \/metrics/],
    ["an unknown field", { kind: "rabbitmq-api", baseUrl: "http://127.0.0.1:15672", path: "/anything" }, /unknown field "path"/],
  ])("refuses %s", async (_what, body, message) => {
    const r = await addTarget(body);
    expect(r.status).toBe(400);
    expect((r.json as { error: { message: string } }).error.message).toMatch(message);
    expect(r.body).not.toContain(secret);
  });

  it("wants a JSON body within the size limit", async () => {
    expect((await bridgeCall("POST", "/bridge/targets", { headers: { "content-type": "text/plain" }, body: "{}" })).status).toBe(415);
    const big = await bridgeCall("POST", "/bridge/targets", { headers: json, body: JSON.stringify({ kind: "rabbitmq-api", baseUrl: "http://127.0.0.1:1", password: "x".repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect((await bridgeCall("POST", "/bridge/targets", { headers: json, body: "{truncated" })).status).toBe(400);
  });
});

describe("bridge: sampling", () => {
  let id: string;
  beforeAll(async () => {
    id = ((await addTarget({ kind: "rabbitmq-api", baseUrl: broker.url, username: user, password: secret })).json as { id: string }).id;
  });
  const sample = (queue: string, target = id, headers: Record<string, string> = {}) => bridgeCall("GET", `/bridge/sample?target=${target}&queue=${encodeURIComponent(queue)}`, { headers });

  it("reads a queue through the configured broker, credentials in a header only", async () => {
    const before = broker.seen.length;
    const r = await sample("mmc_M1");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ counters: { published: 313 }, gauges: { ready: 1, unacked: 2, consumers: 2, prefetch: 1 } });
    const seen = broker.seen.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toMatch(/^\/api\/queues\/%2F\/mmc_M1\?msg_rates_age=5/);
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`);
    expect(r.body).not.toContain(secret);
  });

  it("keeps a queue name inside the API path (no path traversal)", async () => {
    const before = broker.seen.length;
    await sample("../../../etc/passwd?x=1#y");
    const url = broker.seen[before]!.url;
    expect(url.startsWith("/api/queues/%2F/..%2F..%2F..%2Fetc%2Fpasswd%3Fx%3D1%23y?")).toBe(true);
  });

  it("forwards nothing for an unconfigured target", async () => {
    const before = broker.seen.length;
    const r = await sample("mmc_M1", "t999");
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: { code: "unknownTarget", message: expect.any(String) } });
    expect(broker.seen.length).toBe(before);
  });

  it.each([
    ["nosuch", "notFound", /no queue "nosuch" in vhost "\/"/],
    ["denied", "unauthorized", /refused the credentials/],
    ["html", "malformed", /HTML page/],
    ["big", "tooLarge", /limit/],
    ["moved", "redirect", /not followed/],
    ["slow", "timeout", /did not answer in time/],
    ["nostats", "metricsDisabled", /metrics collector is disabled/],
  ])("reports %s as %s, as JSON the page can show", async (queue, code, message) => {
    const r = await sample(queue);
    expect(r.status).toBe(502);
    const err = (r.json as { error: { code: string; message: string } }).error;
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(r.body).not.toContain(secret);
  });

  it("never follows a redirect off the machine", () => {
    expect(broker.seen.some((s) => s.url.includes("steal"))).toBe(false);
  });

  it("reports a closed port as unreachable", async () => {
    const port = await closedPort();
    const t = (await addTarget({ kind: "rabbitmq-api", baseUrl: `http://127.0.0.1:${port}`, password: secret })).json as { id: string };
    const r = await sample("q", t.id);
    expect(r.status).toBe(502);
    expect(r.json).toMatchObject({ error: { code: "unreachable", message: expect.stringMatching(/unreachable \(connection refused\)/) } });
  });

  it("forgets a deleted target", async () => {
    const t = (await addTarget({ kind: "rabbitmq-api", baseUrl: broker.url })).json as { id: string };
    expect((await bridgeCall("DELETE", `/bridge/targets/${t.id}`)).status).toBe(200);
    expect((await sample("mmc_M1", t.id)).status).toBe(404);
  });
});

describe("bridge: who may ask", () => {
  it.each([
    ["another site's Origin", { origin: "http://evil.example" }],
    ["a null Origin", { origin: "null" }],
    ["a file Origin", { origin: "file://" }],
    ["a rebound Host", { host: "evil.example:5174" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
  ])("refuses %s", async (_what, headers) => {
    const r = await bridgeCall("GET", "/bridge/targets", { headers });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: { code: "forbidden" } });
  });

  it("answers the page's own loopback origin, without CORS headers", async () => {
    const r = await bridgeCall("GET", "/bridge/health", { headers: { origin: "http://127.0.0.1:5173", "sec-fetch-site": "same-origin" } });
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    expect(r.headers["cache-control"]).toBe("no-store");
  });

  it("refuses paths outside its routes and over-long URLs", async () => {
    expect((await bridgeCall("GET", "/bridge/proxy?url=http://127.0.0.1:15672/api/users")).status).toBe(405);
    expect((await bridgeCall("GET", "/api/users")).status).toBe(404);
    expect((await bridgeCall("GET", `/bridge/sample?queue=${"a".repeat(3000)}`)).status).toBe(414);
  });

  it("limits the request rate", async () => {
    const small = await startBridge({ port: 0, limits: { burst: 5, perS: 0.001 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(small.url, "GET", "/bridge/health")).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await small.close();
    }
  });
});

describe("bridge: credentials", () => {
  it("never shows them in any answer, header or log line", () => {
    expect(logs.length).toBeGreaterThan(10);
    for (const text of [...said, ...logs]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(user);
      expect(text).not.toContain(Buffer.from(`${user}:${secret}`).toString("base64"));
    }
  });

  it("logs method, path and status only", () => {
    for (const line of logs) expect(line).toMatch(/^[A-Z]+ \/[^?\s]* \d{3} \d+ms$/);
  });
});
