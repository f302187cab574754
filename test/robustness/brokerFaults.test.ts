import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kendall } from "../support/cli.ts";
import { compareLive } from "../../src/live/compare.ts";
import { estimateLive } from "../../src/live/estimate/estimateLive.ts";
import { formatLiveReport } from "../../src/live/formatReport.ts";
import { parseBrokerUrl } from "../../src/live/sources/brokerUrl.ts";
import { createSource } from "../../src/live/sources/createSource.ts";
import type { LiveErrorCode, LiveSample } from "../../src/live/types.ts";
import { closedPort } from "../live/support/httpHelpers.ts";
import { faultyManagementApi, nonFiniteNumbers, queueBody } from "./support/faultyManagementApi.ts";

// Faults of the RabbitMQ management API, served by a loopback stand-in from the recorded
// fixture: what the source samples, what `estimateLive` makes of them, what `kendall live` says.

type Api = Awaited<ReturnType<typeof faultyManagementApi>>;
let api: Api;
const timeoutMs = 300;

beforeAll(async () => {
  api = await faultyManagementApi();
});
afterAll(() => api.close());

function source(queue: string, port = api.port) {
  const endpoint = parseBrokerUrl(`http://guest:guest@127.0.0.1:${port}`);
  if (!endpoint.ok) throw new Error(endpoint.error.message);
  return createSource({ kind: "rabbitmq-api", endpoint: endpoint.value, queue, http: { timeoutMs } });
}

/** Good readings around the faulty ones, 1 s apart, as a live view collects them. */
async function readings(queues: string[]): Promise<LiveSample[]> {
  const out: LiveSample[] = [];
  for (const [i, q] of queues.entries()) out.push({ ...(await source(q).sample()), t: 1_000_000 + 1000 * i });
  return out;
}

/** What a reader sees of an estimate: the figures, the JSON and the table. */
function shown(samples: LiveSample[]) {
  const estimate = estimateLive(samples);
  const report = compareLive({ source: "test", queue: "q", estimate });
  return { estimate, report, text: formatLiveReport(report) };
}

// fault, the error code of its sample (null: a reading with a note), the note or message
const cases: [string, LiveErrorCode | null, RegExp][] = [
  ["slow", "timeout", /did not answer in time/],
  ["401", "unauthorized", /refused the credentials \(HTTP 401\)/],
  ["403", "unauthorized", /refused the credentials \(HTTP 403\)/],
  ["404", "notFound", /no queue "404" in vhost "\/"/],
  ["500", "httpError", /answered HTTP 500/],
  ["html", "malformed", /got an HTML page, expected JSON/],
  ["truncated", "malformed", /truncated JSON/],
  ["nostats", null, /message_stats is absent/],
  ["nullutil", null, /consumer_utilisation is not a number/],
  ["nanutil", null, /consumer_utilisation is not a number/],
];

describe("management API faults: the source", () => {
  it.each(cases)("%s gives a clear state (code %s), never a throw, and estimates stay finite", async (fault, code, message) => {
    const [first, bad, second, third] = await readings(["ok", fault, "ok", "ok"]);
    expect(bad!.error?.code ?? null).toBe(code);
    expect(bad!.error ? bad!.error.message : bad!.notes.join("\n")).toMatch(message);
    expect(bad!.error?.message ?? "").not.toContain("guest:guest");
    // Around the fault the view goes on: rates from the good readings, the bad one counted.
    const { estimate, report, text } = shown([first!, bad!, second!, third!]);
    expect(nonFiniteNumbers(report.observed)).toEqual([]);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(estimate.failed).toBe(code ? 1 : 0);
    if (fault !== "nostats") expect(estimate.lambda.value).toBeGreaterThan(0);
    // Only faulty readings: every figure is a number or null with a reason.
    const alone = shown([bad!, bad!]);
    expect(nonFiniteNumbers(alone.report.observed)).toEqual([]);
    expect(alone.text).not.toMatch(/NaN|undefined/);
    expect(alone.estimate.lambda.value === null ? alone.estimate.lambda.reason : "ok").toBeTruthy();
  });

  it("a bare NaN in the body (invalid JSON) is malformed, not a number", async () => {
    api.script("nanword", [(res) => res.writeHead(200).end(queueBody("nanword", 10).replace(/"consumer_utilisation":[^,]+/, '"consumer_utilisation":NaN'))]);
    const s = await source("nanword").sample();
    expect(s.error).toMatchObject({ code: "malformed", message: expect.stringMatching(/invalid JSON/) });
  });

  it("counters going backwards (restarts) never give a negative rate", async () => {
    // Thirteen readings: restarts at the 4th, 8th and 12th, so the last window holds two.
    const samples = await readings(Array.from({ length: 13 }, () => "backwards"));
    const { estimate, text } = shown(samples);
    expect(estimate.resets).toBeGreaterThanOrEqual(1);
    for (const f of [estimate.lambda, estimate.throughput]) expect(f.value === null || f.value >= 0).toBe(true);
    expect(estimate.notes.join("\n")).toMatch(/counters went down/);
    expect(estimate.lambda.value).not.toBeNull();
    expect(text).not.toMatch(/NaN/);
  });

  it("a broker that is down reads as unreachable, and sampling recovers when it is back", async () => {
    const port = await closedPort();
    const down = await source("ok", port).sample();
    expect(down.error).toMatchObject({ code: "unreachable", message: expect.stringMatching(/unreachable \(connection refused\)/) });
    // The same source object keeps working once the broker answers again.
    const s = source("flaky");
    api.script("flaky", [(res) => res.destroy(), (res) => res.writeHead(503).end("busy")]);
    const seq = [await s.sample(), await s.sample(), await s.sample(), await s.sample()];
    expect(seq.map((x) => x.error?.code ?? "ok")).toEqual(["unreachable", "httpError", "ok", "ok"]);
  });
});

describe.concurrent("management API faults: kendall live", () => {
  // fault, exit code, what the one line on stderr says
  const exits: [string, number, RegExp][] = [
    ["401", 3, /refused the credentials/],
    ["403", 3, /refused the credentials/],
    ["404", 2, /no queue "404"/],
    ["500", 3, /answered HTTP 500/],
    ["html", 3, /got an HTML page/],
    ["truncated", 3, /truncated JSON/],
  ];
  it.each(exits)("%s at the first reading: exit %i and one line, no credentials", async (fault, code, message) => {
    const r = await kendall("live", "--rabbitmq", api.url, "--queue", fault, "--window", "0.5", "--interval", "0.25");
    expect({ code: r.code, lines: r.err.trim().split("\n").length, out: r.out }).toEqual({ code, lines: 1, out: "" });
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain("guest:guest");
  });

  it("a broker too slow to answer: exit 3, did not answer in time", async () => {
    const r = await kendall("live", "--rabbitmq", api.url, "--queue", "slow", "--window", "0.5");
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/did not answer in time/);
  }, 15_000);

  it.each([
    ["nostats", /lambda: no published counter in the readings/, /message_stats is absent/],
    ["nullutil", /lambda \(msg\/s\)\s+\d/, /consumer_utilisation is not a number/],
    ["nanutil", /lambda \(msg\/s\)\s+\d/, /consumer_utilisation is not a number/],
    ["backwards", /counter reset/, /counters went down/],
  ])("%s: exit 0 with a result that says so", async (fault, table, note) => {
    const r = await kendall("live", "--rabbitmq", api.url, "--queue", fault, "--window", "1.1", "--interval", "0.25");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(table);
    expect(r.out).toMatch(note);
    expect(r.out).not.toMatch(/NaN|undefined/);
    const j = await kendall("live", "--rabbitmq", api.url, "--queue", fault, "--window", "0.6", "--interval", "0.2", "--json");
    const report = JSON.parse(j.out) as { observed: Record<string, { value: number | null }> };
    expect(report.observed.lambda!.value === null || report.observed.lambda!.value >= 0).toBe(true);
    expect(j.out).not.toMatch(/NaN/);
  });

  it("faults mid-window are counted and the result rests on the good readings", async () => {
    const blip = (res: Parameters<Parameters<Api["script"]>[1][number]>[0]) => res.writeHead(500).end("{}");
    api.script("midwindow", [(res) => res.writeHead(200).end(queueBody("midwindow", 10)), blip, (res) => res.destroy(), blip]);
    const r = await kendall("live", "--rabbitmq", api.url, "--queue", "midwindow", "--window", "1.6", "--interval", "0.2", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { failed: number; samples: number; observed: { lambda: { value: number } } };
    expect(report.failed).toBe(3);
    expect(report.samples).toBeGreaterThanOrEqual(4);
    expect(report.observed.lambda.value).toBeGreaterThan(0);
  });

  it("a broker that dies after the first reading: exit 3 naming the last error", async () => {
    api.script("dies", [(res) => res.writeHead(200).end(queueBody("dies", 10)), ...Array.from({ length: 20 }, () => (res: Parameters<Parameters<Api["script"]>[1][number]>[0]) => res.writeHead(500).end("{}"))]);
    const r = await kendall("live", "--rabbitmq", api.url, "--queue", "dies", "--window", "0.6", "--interval", "0.2");
    expect(r.code).toBe(3);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/answered HTTP 500/);
  });

  it("metrics collector disabled on a non-default port: exit 3 naming it, not another node's counters", async () => {
    // Port 15692 here is the shared node's Prometheus: the command must not borrow its counters
    // for a broker whose management API is elsewhere.
    const disabled = await faultyManagementApi(6000, true);
    try {
      const source = createSource({ kind: "rabbitmq-api", endpoint: { origin: `http://127.0.0.1:${disabled.port}` }, queue: "nostats" });
      expect((await source.sample()).error?.code).toBe("metricsDisabled");
      const r = await kendall("live", "--rabbitmq", disabled.url, "--queue", "nostats", "--window", "0.5", "--interval", "0.25");
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/metrics collector is disabled/);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    } finally {
      await disabled.close();
    }
  });

  it("after a slow reading the sampling keeps its pace instead of firing a burst to catch up", async () => {
    api.script("lag", [(res) => res.writeHead(200).end(queueBody("lag", 10)), (res) => setTimeout(() => res.writeHead(200).end(queueBody("lag", 20)), 1200)]);
    const r = await kendall("live", "--rabbitmq", api.url, "--queue", "lag", "--window", "2", "--interval", "0.2", "--json");
    expect(r.code).toBe(0);
    const t = api.times.lag!;
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    // 0.2-s interval: readings are at least ~0.1 s apart, never back to back.
    expect(Math.min(...gaps)).toBeGreaterThan(100);
  });
});
