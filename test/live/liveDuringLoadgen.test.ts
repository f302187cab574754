import amqp from "amqplib";
import { connect as natsConnect, RetentionPolicy, StorageType } from "nats";
import { afterAll, beforeAll, expect, it } from "vitest";
import { estimateLive, type LiveEstimate } from "../../src/live/estimate/estimateLive.ts";
import type { LoadgenResult } from "../../src/live/loadgen/index.ts";
import { natsJszSource } from "../../src/live/sources/natsJszSource.ts";
import { rabbitmqApiSource } from "../../src/live/sources/rabbitmqApiSource.ts";
import { rabbitmqPrometheusSource } from "../../src/live/sources/rabbitmqPrometheusSource.ts";
import type { LiveSample } from "../../src/live/types.ts";
import { AMQP_URL, NATS_URL, describeWithBroker, loadgenJson, scenarioFile } from "./loadgenSupport.ts";
import { sampleUntil } from "./support/realLoad.ts";

// The live sources read a queue while `kendall loadgen` drives it: the M/M/2 of the loadgen
// tests (lambda 50/s, two consumers, prefetch 1, 30 ms exponential service) for 40 s on RabbitMQ
// and on NATS JetStream at once, into a queue and a stream made here (loadgen's --queue), so the
// sources know their names before the run starts. Sampled every second from before the first
// publish to after the last.
const DURATION_S = 40;
const file = scenarioFile("live-during-loadgen", { prefetch: 1 }, { messages: 20_000, replications: 2 });
const tag = `${process.pid}-${Date.now()}`;
const queue = `kendall-live-loadgen-${tag}`;
const stream = `KENDALL_LIVE_LOADGEN_${tag.replace(/-/g, "_")}`;

/**
 * The readings taken while loadgen was publishing: the published counter above 0 and below the
 * last value this source saw, so the estimator's window lies inside the run's publishing period.
 * (Below the source's own last value, not the run's count: RabbitMQ's Prometheus counters are
 * per channel, and the few publishes after the last scrape vanish with the publisher's channel.)
 */
function duringRun(samples: LiveSample[]): LiveSample[] {
  const ok = samples.filter((s) => !s.error && s.counters.published !== undefined);
  const last = Math.max(0, ...ok.map((s) => s.counters.published!));
  return ok.filter((s) => s.counters.published! > 0 && s.counters.published! < last);
}

await describeWithBroker("live estimators during a kendall loadgen run (RabbitMQ and NATS)", [5672, 15672, 15692, 4222, 8222], () => {
  let rabbit: LoadgenResult;
  let nats: LoadgenResult;
  let api: LiveSample[] = [];
  let prom: LiveSample[] = [];
  let jsz: LiveSample[] = [];

  beforeAll(async () => {
    const conn = await amqp.connect(AMQP_URL);
    const ch = await conn.createChannel();
    // Expires unused after 10 min, should the cleanup below not run.
    await ch.assertQueue(queue, { durable: false, arguments: { "x-expires": 600_000 } });
    await conn.close();
    const nc = await natsConnect({ servers: "127.0.0.1:4222" });
    await (await nc.jetstreamManager()).streams.add({ name: stream, subjects: [`kendall-live-loadgen-${tag}.>`], retention: RetentionPolicy.Workqueue, storage: StorageType.Memory });
    await nc.close();

    const sources = [
      rabbitmqApiSource({ endpoint: { origin: "http://127.0.0.1:15672", username: "guest", password: "guest" }, queue }),
      rabbitmqPrometheusSource({ endpoint: { origin: "http://127.0.0.1:15692" }, queue }),
      // The stream's only consumer is loadgen's (it does not exist before the run: notFound until then).
      natsJszSource({ endpoint: { origin: "http://127.0.0.1:8222" }, consumer: { stream } }),
    ];
    let done = false;
    const sampling = sampleUntil(sources, 1000, () => done);
    // Let the management API take a baseline refresh of the idle queue (its counters refresh every 5 s).
    await new Promise((r) => setTimeout(r, 6000));
    const common = ["--duration", String(DURATION_S), "--drain", "10", "--no-simulate"];
    [rabbit, nats] = await Promise.all([
      loadgenJson([file, "--amqp", AMQP_URL, "--queue", queue, ...common]),
      loadgenJson([file, "--nats", NATS_URL, "--queue", stream, ...common]),
    ]);
    // Two more management refreshes, so its last counters cover the end of the run.
    await new Promise((r) => setTimeout(r, 11_000));
    done = true;
    [api, prom, jsz] = (await sampling) as [LiveSample[], LiveSample[], LiveSample[]];
  }, (DURATION_S + 90) * 1000);

  afterAll(async () => {
    const conn = await amqp.connect(AMQP_URL).catch(() => undefined);
    if (conn) {
      const ch = await conn.createChannel();
      await ch.deleteQueue(queue).catch(() => undefined);
      await conn.close().catch(() => undefined);
    }
    const nc = await natsConnect({ servers: "127.0.0.1:4222" }).catch(() => undefined);
    if (nc) {
      await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
      await nc.close();
    }
  });

  // The generated rate is the run's own: messages published over the seconds it published. The
  // estimator's window (w s) lies inside those T s, so the two rates differ by the Poisson
  // fluctuation of the arrivals outside the window: sd = sqrt(lambda (T - w) / (T w)). The
  // management API's counters refresh every 5 s, so its window may lose up to ~5 s at each end:
  // w >= 30 of T = 40 gives sd <= 0.65 msg/s (1.3%), and 5% is over 3.8 sd. Prometheus and NATS
  // read fresh counters, sampled every second (w >= 34 s): sd <= 0.47 msg/s, 5% is 5 sd.
  const cases: [string, () => LiveSample[], () => LoadgenResult, number][] = [
    ["RabbitMQ management API", () => api, () => rabbit, 30],
    ["RabbitMQ Prometheus", () => prom, () => rabbit, 34],
    ["NATS JetStream /jsz", () => jsz, () => nats, 34],
  ];
  it.each(cases)("%s: lambda within 5% of the rate loadgen generated", (_name, samples, result, minWindowS) => {
    const r = result();
    const m = r.queues.orders!.measured;
    expect(m.counts).toMatchObject({ acked: m.counts.published, lost: 0 });
    const generated = m.counts.published / r.publishedForS;
    const e: LiveEstimate = estimateLive(duringRun(samples()), { consumers: 2, prefetch: 1 });
    // On a failure, the published counter at every reading (local ms, count or error) says why.
    const readings = samples().map((s) => `${s.t % 1e6}:${s.error ? s.error.code : s.counters.published}`).join(" ");
    expect(e.lambda.windowS, readings).toBeGreaterThanOrEqual(minWindowS);
    expect(Math.abs(e.lambda.value! / generated - 1), `lambda ${e.lambda.value} over ${e.lambda.windowS} s, generated ${generated}; ${readings}`).toBeLessThan(0.05);
    console.log(`${_name}: lambda ${e.lambda.value!.toFixed(2)} ± ${e.lambda.ci95!.toFixed(2)} over ${e.lambda.windowS.toFixed(1)} s, generated ${generated.toFixed(2)}/s; W ${(e.W.value! * 1000).toFixed(1)} ms (Little), loadgen measured ${(m.W.mean * 1000).toFixed(1)} ms`);
  });

  it("NATS: the /jsz estimates cover the queueing figures, with the workers' count and prefetch given", () => {
    const e = estimateLive(duringRun(jsz), { consumers: 2, prefetch: 1 });
    for (const f of [e.throughput, e.mu, e.rho, e.Lq, e.L, e.Wq, e.W]) {
      expect(f.value).not.toBeNull();
      expect(Number.isFinite(f.value)).toBe(true);
      expect(f.ci95 === null || Number.isFinite(f.ci95)).toBe(true);
    }
    expect(e.resets).toBe(0);
  });
});
