import { beforeAll, expect, it } from "vitest";
import { loadScenario } from "../../src/cli/loadScenario.ts";
import { scenarioWithOverheads, type LoadgenResult } from "../../src/live/loadgen/index.ts";
import { NATS_URL, Z999_OVER_Z95, describeWithBroker, loadgenJson, scenarioFile, sdOfRunMeanW, sojournSensitivity } from "./loadgenSupport.ts";

// The M/M/2 of the RabbitMQ test (lambda 50/s, 2 consumers, 30 ms exponential service), for 20 s
// on a JetStream work-queue stream with one pull loop per consumer keeping one message outstanding.
const LAMBDA = 50;
const DURATION_S = 20;
const file = scenarioFile("mm2-nats", { prefetch: 1 }, { messages: 50_000, replications: 4 });

await describeWithBroker("kendall loadgen on NATS JetStream (M/M/2, 20 s)", [4222], () => {
  let r: LoadgenResult;
  beforeAll(async () => {
    r = await loadgenJson([file, "--nats", NATS_URL, "--duration", String(DURATION_S)]);
    const x = r.queues.orders!;
    const ms = (s: number) => (s * 1000).toFixed(2);
    console.log(`NATS: W measured ${ms(x.measured.W.mean)} ± ${ms(x.measured.W.ci95)} ms, replayed ${ms(x.replayed!.W)}, sim+overheads ${ms(x.simulatedWithOverheads!.W.mean)}, analytic ${ms(Number(x.analytic!.W))}; ` +
      `throughput ${x.measured.throughput.mean.toFixed(2)}/s; overheads ${JSON.stringify({ p2d: r.overheads.publishToDeliverMs, a2n: r.overheads.ackToNextDeliverMs, overrun: r.overheads.serviceOverrunMs })}`);
  }, (DURATION_S + 60) * 1000);

  it("publishes to a fresh stream, acks every message and deletes the stream", () => {
    expect(r.broker).toMatchObject({ kind: "nats", declared: true, queueType: "jetstream" });
    const c = r.queues.orders!.measured.counts;
    expect(c.published).toBeGreaterThan(0);
    expect(c).toMatchObject({ confirmed: c.published, acked: c.published, lost: 0, inFlight: 0, leftInQueue: 0 });
    expect(r.stopped).toBeNull();
  });

  it("measures throughput within a Poisson tolerance of the generated rate", () => {
    const m = r.queues.orders!.measured;
    // sd of a Poisson count's rate over T s is sqrt(lambda / T) (1.58/s at 20 s); 99.9% is 3.29 sd,
    // plus up to 3 L / T for messages still in the system when the window closes.
    const tolerance = 3.29 * Math.sqrt(LAMBDA / r.publishedForS) + (3 * m.L.mean) / r.publishedForS;
    expect(Math.abs(m.throughput.mean - LAMBDA)).toBeLessThan(tolerance);
  });

  it("measures a sane sojourn: the replay of its messages agrees, and so does the simulation with its overheads", () => {
    const x = r.queues.orders!;
    expect(x.measured.W.mean).toBeGreaterThan(x.measured.service.actual.mean);
    expect(r.overheads.publishToDeliverMs).toBeGreaterThan(0.05);
    expect(r.overheads.publishToDeliverMs).toBeLessThan(20);
    // Paired with the replay: the 95% batch-means interval of the differences widened to 99.9%,
    // with the overheads' own uncertainty carried through dW/dS (see the RabbitMQ test).
    const od = r.overheads.detail;
    const sens = sojournSensitivity(loadScenario(file, process.cwd()));
    const d = x.replayed!.differenceW;
    const tolerance = Z999_OVER_Z95 * Math.hypot(d.ci95, (sens * od.ackToNextDeliver.ci95Ms) / 1000, (sens * od.serviceOverrun.ci95Ms) / 1000, ((1 - x.replayed!.pWait) * od.publishToDeliver.ci95Ms) / 1000);
    expect(Math.abs(d.mean)).toBeLessThan(tolerance);
    // Against the simulation: within the sampling spread of one 20 s run (~1,000 messages), 99.9%.
    const sdRun = sdOfRunMeanW(scenarioWithOverheads(loadScenario(file, process.cwd()), r.overheads)!, x.measured.counts.acked);
    const sim = x.simulatedWithOverheads!.W;
    expect(Math.abs(x.measured.W.mean - sim.mean)).toBeLessThan(3.29 * Math.hypot(sdRun, sim.ci95 / 1.96));
  });
});
