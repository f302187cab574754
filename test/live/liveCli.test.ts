import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kendall } from "../support/cli.ts";
import { closedPort, upstream } from "./support/httpHelpers.ts";

const busy = readFileSync(new URL("./fixtures/rabbitmq-3.10-api-queue-busy.json", import.meta.url), "utf8");
const jsz = readFileSync(new URL("./fixtures/nats-2.9-jsz.json", import.meta.url), "utf8");
const secret = "pa55-Wd-9q";

type Upstream = Awaited<ReturnType<typeof upstream>>;
let broker: Upstream;
let counter = 0;

beforeAll(async () => {
  broker = await upstream((req, res) => {
    const url = req.url ?? "";
    if (url.startsWith("/api/queues/%2F/denied")) return res.writeHead(401).end('{"error":"not_authorized","reason":"Login failed"}');
    if (url.startsWith("/api/queues/%2F/mmc_M1")) {
      // A queue whose counters move by 10 per reading, so rates are defined.
      const q = JSON.parse(busy);
      counter += 10;
      for (const k of ["publish", "ack", "deliver_get"]) q.message_stats[k] += counter;
      return res.writeHead(200).end(JSON.stringify(q));
    }
    if (url.startsWith("/jsz")) return res.writeHead(200).end(jsz);
    res.writeHead(404).end('{"error":"Object Not Found","reason":"Not Found"}');
  });
});

afterAll(() => broker.close());

describe("kendall live: flags", () => {
  it.each([
    [["--queue", "q"], /exactly one of --rabbitmq, --prometheus, --nats/],
    [["--rabbitmq", "http://127.0.0.1:15672", "--nats", "http://127.0.0.1:8222", "--queue", "q"], /exactly one/],
    [["--rabbitmq", "http://127.0.0.1:15672"], /--queue NAME is required/],
    [["--rabbitmq", "http://127.0.0.1:15672", "--queue", "q", "--window", "0"], /--window: expected a number > 0, got "0"/],
    [["--rabbitmq", `http://guest:${secret}@10.1.2.3:15672`, "--queue", "q"], /not a loopback address/],
    [["--nats", "nats://127.0.0.1:4222", "--queue", "S"], /unsupported scheme/],
    [["--rabbitmq", "http://127.0.0.1:15672/api/queues", "--queue", "q"], /base URL/],
    [["--prometheus", "http://127.0.0.1:9100/metrics", "--queue", "q", "--map", "speed=x"], /unknown mapped figure "speed"/],
    [["--rabbitmq", "http://127.0.0.1:15672", "--queue", "q", "--bogus"], /unknown flag --bogus/],
  ])("exits 2 with one line for %j", async (args, message) => {
    const r = await kendall("live", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toContain(secret);
  });
});

describe("kendall live: brokers", () => {
  it("exits 3 with a clear line when nothing listens on the port", async () => {
    const port = await closedPort();
    const r = await kendall("live", "--rabbitmq", `http://guest:${secret}@127.0.0.1:${port}`, "--queue", "q", "--window", "1");
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/unreachable \(connection refused\)/);
    expect(r.err).not.toContain(secret);
    expect(r.out).toBe("");
  });

  it("exits 3 when the broker refuses the credentials, 2 for an unknown queue", async () => {
    const denied = await kendall("live", "--rabbitmq", `http://guest:${secret}@127.0.0.1:${broker.port}`, "--queue", "denied");
    expect(denied.code).toBe(3);
    expect(denied.err).toMatch(/refused the credentials/);
    const missing = await kendall("live", "--rabbitmq", broker.url, "--queue", "nope");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no queue "nope" in vhost "\/"/);
  });

  it("prints DESIGN.md's live --json shape from recorded responses, credentials used but never printed", async () => {
    const before = broker.seen.length;
    const r = await kendall("live", "--rabbitmq", `http://guest:${secret}@127.0.0.1:${broker.port}`, "--queue", "mmc_M1", "--window", "1", "--interval", "0.25", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["source", "queue", "window", "observed", "predicted"]));
    for (const k of ["lambda", "throughput", "consumers", "prefetch", "mu", "rho", "Lq", "L", "Wq", "W"]) {
      // Every figure carries its uncertainty, or null for it with the reason.
      expect(Object.keys(json.observed[k]), k).toEqual(expect.arrayContaining(["value", "se", "ci95", "windowS", "n"]));
      if (json.observed[k].se === null) expect(json.observed[k].reason, k).toEqual(expect.any(String));
    }
    expect(json.queue).toBe("mmc_M1");
    expect(json.observed.consumers.value).toBe(2);
    expect(json.source).toMatch(/^RabbitMQ management API http:\/\/127\.0\.0\.1:\d+, vhost "\/", queue "mmc_M1"$/);
    expect(r.out + r.err).not.toContain(secret);
    const auth = broker.seen.slice(before).map((s) => s.headers.authorization);
    expect(auth[0]).toBe(`Basic ${Buffer.from(`guest:${secret}`).toString("base64")}`);
  });

  it("prints a readable table, and compares with a given scenario", async () => {
    const r = await kendall("live", "--nats", broker.url, "--queue", "MMC/workers", "--window", "0.5", "--interval", "0.25", "--consumers", "2", "--prefetch", "1", "--scenario", "models/mmc.json");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^watching NATS JetStream http:\/\/127\.0\.0\.1:\d+\/jsz, consumer "MMC\/workers" for 0\.5 s/);
    expect(r.out).toMatch(/observed \(95%\)\s+predicted \(M\/M\/4, "M\/M\/4, rho = 0\.8"\)/);
    expect(r.out).toMatch(/consumers\s+2\s/);
  });
});
