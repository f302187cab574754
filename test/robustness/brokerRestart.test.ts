import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { estimateLive } from "../../src/live/estimate/estimateLive.ts";
import { parseBrokerUrl } from "../../src/live/sources/brokerUrl.ts";
import { createSource } from "../../src/live/sources/createSource.ts";
import type { LiveSample } from "../../src/live/types.ts";
import { inCi } from "../live/support/realLoad.ts";
import { nonFiniteNumbers } from "./support/faultyManagementApi.ts";
import { hasRabbitServer, lockPrivateNode, privateNode, privateRabbit, unlockPrivateNode } from "./support/privateRabbit.ts";
import { resilientLoad } from "./support/resilientLoad.ts";

// A real broker going down and coming back: a private RabbitMQ node (never the shared one on
// 5672/15672, which other suites are using) under light load, stopped mid-window and started
// again, watched by the management source and by `kendall live` at the same time.
// Timing on this 2-core machine: boot ~5 s, stop (SIGTERM) ~1 s, restart ~3.5-4.5 s.

const installed = await hasRabbitServer();
if (!installed && !inCi) console.warn("skipping the broker restart test: rabbitmq-server is not installed");

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const queue = "kendall-fault-restart";
const management = `http://guest:guest@127.0.0.1:${privateNode.managementPort}`;

describe.skipIf(!installed && !inCi)("a real RabbitMQ node that stops and starts mid-window", () => {
  const node = privateRabbit();
  let load: ReturnType<typeof resilientLoad> | undefined;
  const timings: Record<string, number> = {};
  let locked = false;

  beforeAll(async () => {
    // One run at a time on this machine may own the node's name and ports.
    locked = await lockPrivateNode(100_000);
    if (!locked) throw new Error("another test run holds the private RabbitMQ node (kendall-fault-node.lock) for too long");
    // With the lock ours, a node that answers was left behind by an aborted run: stop it (by its own name only).
    if (await node.isUp()) await node.stop();
    timings.bootMs = await node.start();
    load = resilientLoad(`amqp://guest:guest@127.0.0.1:${privateNode.amqpPort}`, queue);
  }, 150_000);

  afterAll(async () => {
    await load?.stop();
    // Without the lock the node on these ports is another run's: only our directory goes.
    if (locked) await node.dispose();
    else rmSync(node.dir, { recursive: true, force: true });
    unlockPrivateNode();
    console.info(`private node timings (ms): ${JSON.stringify(timings)}; load ${JSON.stringify(load?.counts())}`);
  }, 60_000);

  it("reads unreachable while down, never throws, never a negative rate, and recovers", async () => {
    const endpoint = parseBrokerUrl(management);
    if (!endpoint.ok) throw new Error(endpoint.error.message);
    const source = createSource({ kind: "rabbitmq-api", endpoint: endpoint.value, queue, http: { timeoutMs: 1000 } });
    // Wait for the queue and its first counters.
    for (let i = 0; i < 40; i++) {
      const s = await source.sample();
      if (s.counters.published !== undefined && s.counters.published > 0) break;
      await sleep(250);
    }

    const samples: LiveSample[] = [];
    let threw = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await source.sample().then((s) => samples.push(s), () => threw++);
        await sleep(400);
      }
    })();
    const cli = (async () => {
      let out = "";
      let err = "";
      const code = await main(["live", "--rabbitmq", management, "--queue", queue, "--window", "32", "--interval", "0.5", "--json"], { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd(), clock: () => performance.now() });
      return { code, out, err };
    })();

    await sleep(4000);
    const beforeStop = samples.length;
    const stopAt = performance.now();
    await node.stop();
    timings.stopMs = performance.now() - stopAt;
    const down = await source.sample();
    await sleep(1000);
    timings.restartMs = await node.start();
    const upAgainAt = samples.length;
    const r = await cli;
    // Sample on until the restarted node's counters show (the collector refreshes each second).
    for (let i = 0; i < 40 && !samples.slice(upAgainAt).some((s) => !s.error && (s.counters.published ?? 0) > 0 && samples.length - upAgainAt > 3); i++) await sleep(250);
    sampling = false;
    await sampler;

    // While down: a clear state, not a throw.
    expect(threw).toBe(0);
    expect(down.error?.code).toBe("unreachable");
    expect(down.error?.message).toMatch(/unreachable \(connection refused\)/);
    expect(down.error?.message).not.toContain("guest:guest");
    const failed = samples.filter((s) => s.error);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((s) => s.error!.code))).toSatisfy((codes: Set<string>) => [...codes].every((c) => ["unreachable", "timeout", "httpError", "notFound", "malformed"].includes(c)));
    // Recovered by itself: the last readings are good and carry counters again.
    const last = samples[samples.length - 1]!;
    expect(last.error).toBeUndefined();
    expect(last.counters.published).toBeGreaterThan(0);
    expect(samples.slice(0, beforeStop).every((s) => !s.error)).toBe(true);

    // The restart reset the counters: the estimate restarts its window, so no rate is negative.
    const before = samples.slice(0, beforeStop).filter((s) => s.counters.published !== undefined).at(-1)!.counters.published!;
    const after = samples.slice(upAgainAt).find((s) => s.counters.published !== undefined)?.counters.published;
    const e = estimateLive(samples);
    if (after !== undefined && after < before) expect(e.resets).toBeGreaterThanOrEqual(1);
    for (const f of [e.lambda, e.throughput]) expect(f.value === null || f.value >= 0).toBe(true);
    expect(nonFiniteNumbers(e)).toEqual([]);

    // `kendall live` over the same window: a result, the failed readings counted, no negative rate.
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { failed: number; resets: number; samples: number; observed: Record<string, { value: number | null }> };
    expect(report.failed).toBeGreaterThan(0);
    // The estimate rests on the readings after the last counter reset, when there was one.
    expect(report.samples).toBeGreaterThanOrEqual(2);
    // The window outlasts the restart by ~10-15 s (a restart takes 3-8 s here): the command saw the
    // reset and measured after it.
    expect(report.resets).toBeGreaterThanOrEqual(1);
    for (const k of ["lambda", "throughput"]) expect(report.observed[k]!.value).toBeGreaterThan(0);
    expect(r.out).not.toMatch(/NaN/);
    timings.samples = samples.length;
    timings.failedSamples = failed.length;
    timings.cliFailed = report.failed;
    timings.cliResets = report.resets;
    timings.cliSamples = report.samples;
    timings.cliLambda = report.observed.lambda!.value ?? -1;
    timings.resets = e.resets;
  }, 120_000);
});
