import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge, type RunningBridge } from "../../src/live/bridge/server.ts";
import { call } from "../live/support/httpHelpers.ts";
import { faultyManagementApi } from "./support/faultyManagementApi.ts";

// The bridge is the page's only way to a broker: every request it should not serve is refused
// with a stable code and status, and every broker fault comes back as a clear state (502 with
// the sample's error), never a crash, never a credential.

const secret = "br1dge-S3cret";
const json = { "content-type": "application/json" };
let bridge: RunningBridge;
let api: Awaited<ReturnType<typeof faultyManagementApi>>;
let target = "";
const said: string[] = [];
const logs: string[] = [];

async function ask(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}) {
  const r = await call(bridge.url, method, path, options);
  said.push(r.body, JSON.stringify(r.headers));
  return r;
}

beforeAll(async () => {
  api = await faultyManagementApi(2000);
  bridge = await startBridge({ port: 0, log: (l) => logs.push(l), limits: { burst: 1000, upstreamTimeoutMs: 300 } });
  const r = await ask("POST", "/bridge/targets", { headers: json, body: JSON.stringify({ kind: "rabbitmq-api", baseUrl: `http://127.0.0.1:${api.port}`, username: "guest", password: secret }) });
  target = (r.json as { id: string }).id;
});

afterAll(async () => {
  await bridge.close();
  await api.close();
});

const target0 = (body: Record<string, unknown>) => ({ headers: json, body: JSON.stringify({ kind: "rabbitmq-api", baseUrl: "http://127.0.0.1:15672", ...body }) });

// what, method, path, request options, status, error code
const refusals: [string, string, string, { headers?: Record<string, string>; body?: string }, number, string][] = [
  ["a foreign Host (DNS rebinding)", "GET", "/bridge/health", { headers: { host: "evil.example:5174" } }, 403, "forbidden"],
  ["another site's Origin", "GET", "/bridge/health", { headers: { origin: "https://evil.example" } }, 403, "forbidden"],
  ["a null Origin (sandboxed frame, file://)", "GET", "/bridge/health", { headers: { origin: "null" } }, 403, "forbidden"],
  ["a cross-site fetch", "GET", "/bridge/health", { headers: { "sec-fetch-site": "cross-site" } }, 403, "forbidden"],
  ["an over-long URL", "GET", `/bridge/sample?queue=${"q".repeat(3000)}`, {}, 414, "badRequest"],
  ["a path outside the bridge", "GET", "/../../etc/passwd", {}, 404, "badRequest"],
  ["a target that is not JSON", "POST", "/bridge/targets", { headers: { "content-type": "text/plain" }, body: "{}" }, 415, "badRequest"],
  ["a body over the size limit", "POST", "/bridge/targets", { headers: json, body: JSON.stringify({ kind: "rabbitmq-api", baseUrl: "http://127.0.0.1:15672", password: "x".repeat(20_000) }) }, 413, "tooLarge"],
  ["truncated JSON", "POST", "/bridge/targets", { headers: json, body: '{"kind": "rabbit' }, 400, "badRequest"],
  ["a broker on another machine", "POST", "/bridge/targets", target0({ baseUrl: "http://10.1.2.3:15672" }), 400, "badTarget"],
  ["a broker by a public name", "POST", "/bridge/targets", target0({ baseUrl: "http://example.com:15672" }), 400, "badTarget"],
  ["credentials in the URL", "POST", "/bridge/targets", target0({ baseUrl: `http://guest:${secret}@127.0.0.1:15672` }), 400, "badTarget"],
  ["an unknown kind", "POST", "/bridge/targets", target0({ kind: "kafka" }), 400, "badRequest"],
  ["an unknown field", "POST", "/bridge/targets", target0({ proxy: "http://x" }), 400, "badRequest"],
  ["a Prometheus path outside /metrics", "POST", "/bridge/targets", target0({ kind: "prometheus", mapping: { published: "jobs_total" }, metricsPath: "/api/definitions" }), 400, "badTarget"],
  ["an unconfigured target", "GET", "/bridge/sample?target=t999&queue=q", {}, 404, "unknownTarget"],
  ["a sample without a queue", "GET", "/bridge/sample?target=t1", {}, 400, "badRequest"],
  ["deleting an unknown target", "DELETE", "/bridge/targets/t999", {}, 404, "unknownTarget"],
];

describe("bridge refusals", () => {
  it.each(refusals)("%s: refused", async (_what, method, path, options, status, code) => {
    const r = await ask(method, path, options);
    expect({ status: r.status, code: (r.json as { error?: { code: string } }).error?.code }).toEqual({ status, code });
    expect((r.json as { error: { message: string } }).error.message.length).toBeLessThan(300);
  });

  // fault of the broker behind the bridge, status, the sample's error code (none: 200 with a note)
  const faults: [string, number, string | undefined][] = [
    ["slow", 502, "timeout"], ["401", 502, "unauthorized"], ["403", 502, "unauthorized"], ["404", 502, "notFound"],
    ["500", 502, "httpError"], ["html", 502, "malformed"], ["truncated", 502, "malformed"],
    ["nostats", 200, undefined], ["nullutil", 200, undefined], ["nanutil", 200, undefined], ["backwards", 200, undefined],
  ];
  it.each(faults)("broker fault %s: HTTP %i, a clear state", async (fault, status, code) => {
    const r = await ask("GET", `/bridge/sample?target=${target}&queue=${fault}`);
    expect(r.status).toBe(status);
    expect((r.json as { error?: { code: string } }).error?.code).toBe(code);
    expect(r.body).not.toMatch(/NaN/);
  });

  it("the bridge is still healthy afterwards, and no answer or log line holds the password", async () => {
    const r = await ask("GET", "/bridge/health");
    expect(r.status).toBe(200);
    for (const text of [...said, ...logs]) expect(text).not.toContain(secret);
  });
});
