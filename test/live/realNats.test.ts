import { AckPolicy, connect, RetentionPolicy, StorageType, type NatsConnection } from "nats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { counterPoints } from "../../src/live/estimate/counterRate.ts";
import { estimateLive } from "../../src/live/estimate/estimateLive.ts";
import { natsJszSource } from "../../src/live/sources/natsJszSource.ts";
import type { LiveSample } from "../../src/live/types.ts";
import { answers, countIn, exponential, poissonPublisher, sampleUntil, shouldRun, streams } from "./support/realLoad.ts";

// Poisson arrivals at 40 msg/s for 32 s into a fresh work-queue stream, drained by two pull
// workers that fetch one message at a time (like prefetch 1), exponential 30 ms service.
const rate = 40;
const loadMs = 32_000;
const skipMs = 4_000;
const available = await answers("http://127.0.0.1:8222/varz");
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe.skipIf(!shouldRun("NATS", available))("live sources against the real NATS JetStream", () => {
  const stream = `KENDALL_LIVE_${process.pid}_${Date.now()}`;
  const subject = `kendall.live.${process.pid}.${Date.now()}`;
  const conns: NatsConnection[] = [];
  let sent: number[] = [];
  const holdingMs: number[] = [];
  let samples: LiveSample[] = [];
  let stop = false;

  beforeAll(async () => {
    const admin = await connect({ servers: "127.0.0.1:4222" });
    conns.push(admin);
    const jsm = await admin.jetstreamManager();
    await jsm.streams.add({ name: stream, subjects: [subject], retention: RetentionPolicy.Workqueue, storage: StorageType.Memory });
    await jsm.consumers.add(stream, { durable_name: "workers", ack_policy: AckPolicy.Explicit });
    const rng = streams(20261129);
    const workers = [0, 1].map(async () => {
      const nc = await connect({ servers: "127.0.0.1:4222" });
      conns.push(nc);
      const consumer = await nc.jetstream().consumers.get(stream, "workers");
      while (!stop) {
        const m = await consumer.next({ expires: 1000 }).catch(() => null);
        if (!m) continue;
        const got = Date.now();
        await sleep(exponential(rng.service, 30));
        holdingMs.push(Date.now() - got);
        m.ack();
      }
    });
    const source = natsJszSource({ endpoint: { origin: "http://127.0.0.1:8222" }, consumer: { stream, consumer: "workers" } });
    let done = false;
    const sampling = sampleUntil([source], 1000, () => done);
    sent = await poissonPublisher(rate, loadMs, rng.arrivals, () => admin.publish(subject, "m"));
    done = true;
    [samples] = (await sampling) as [LiveSample[]];
    stop = true;
    await Promise.all(workers);
  }, 90_000);

  afterAll(async () => {
    stop = true;
    const admin = conns[0];
    if (admin) await (await admin.jetstreamManager()).streams.delete(stream).catch(() => undefined);
    for (const c of conns) await c.close().catch(() => undefined);
  });

  it("lambda within 2% of the rate actually published over the estimator's window", () => {
    const window = samples.filter((s) => s.t >= sent[0]! + skipMs);
    const e = estimateLive(window, { consumers: 2, prefetch: 1 });
    const pts = counterPoints(window, "published");
    const a = pts[0]!.at;
    const b = pts[pts.length - 1]!.at;
    const truth = countIn(sent, a, b) / ((b - a) / 1000);
    const err = e.lambda.value! / truth - 1;
    console.info(`nats: lambda ${e.lambda.value!.toFixed(2)} ± ${e.lambda.ci95!.toFixed(2)} over ${(b - a) / 1000} s, truth ${truth.toFixed(2)}, error ${(100 * err).toFixed(2)}%`);
    // /jsz is real time and stamped with the server's clock (this machine's): only messages in
    // flight at a reading (< 1 of ~1100) separate the counts.
    expect(Math.abs(err)).toBeLessThan(0.02);
    expect(e.failed).toBe(0);
  });

  it("estimates the holding time from ack_pending with one message per worker", () => {
    const e = estimateLive(samples.filter((s) => s.t >= sent[0]! + skipMs), { consumers: 2, prefetch: 1 });
    const measuredS = holdingMs.reduce((x, y) => x + y, 0) / holdingMs.length / 1000;
    const h = e.holdingS;
    console.info(`nats: holding ${(1000 * h.value!).toFixed(1)} ± ${(1000 * h.ci95!).toFixed(1)} ms (workers measured ${(1000 * measuredS).toFixed(1)} ms), mu ${e.mu.value!.toFixed(2)}, Lq ${e.Lq.value!.toFixed(3)} ± ${e.Lq.ci95!.toFixed(3)}, rho ${e.rho.value!.toFixed(3)}`);
    // As for RabbitMQ: the server's pending time adds the delivery and ack transits (a few ms).
    expect(h.value! - measuredS).toBeGreaterThan(-4 * h.se!);
    expect(h.value! - measuredS).toBeLessThan(4 * h.se! + 0.005);
    expect(e.prefetch.value).toBe(1);
  });

  it("reports the stream's oldest message age and an unknown consumer", async () => {
    expect(samples.some((s) => s.oldestAgeS !== undefined)).toBe(true);
    const missing = await natsJszSource({ endpoint: { origin: "http://127.0.0.1:8222" }, consumer: { stream, consumer: "nobody" } }).sample();
    expect(missing.error).toEqual({ code: "notFound", message: expect.stringMatching(/no consumer "nobody"/) });
  });
});
