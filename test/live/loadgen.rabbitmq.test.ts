import { beforeAll, expect, it } from "vitest";
import { loadScenario } from "../../src/cli/loadScenario.ts";
import { formatLoadgenTable, scenarioWithOverheads, type LoadgenResult } from "../../src/live/loadgen/index.ts";
import { AMQP_URL, Z999_OVER_Z95, describeWithBroker, loadgenJson, loadgenQueues, scenarioFile, sdOfRunMeanW, sojournSensitivity } from "./loadgenSupport.ts";

// M/M/2 at rho = 0.75: lambda 50/s, two consumers, exponential service with mean 30 ms.
// Both runs use the same seed and queue id, so they publish the same messages at the same
// offsets with the same service demands (common random numbers): they differ only in prefetch.
const LAMBDA = 50;
const DURATION_S = 60;
const files = {
  p1: scenarioFile("mm2-prefetch-1", { prefetch: 1 }),
  p10: scenarioFile("mm2-prefetch-10", { prefetch: 10 }),
};

await describeWithBroker("kendall loadgen on RabbitMQ (M/M/2, prefetch 1 and 10)", [5672], () => {
  let p1: LoadgenResult;
  let p10: LoadgenResult;
  let queuesAfter: string[];
  const q = (r: LoadgenResult) => r.queues.orders!;

  beforeAll(async () => {
    // Run side by side: 60 s of wall time for both; each is about 3,000 messages.
    [p1, p10] = await Promise.all([
      loadgenJson([files.p1, "--amqp", AMQP_URL, "--duration", String(DURATION_S)]),
      loadgenJson([files.p10, "--amqp", AMQP_URL, "--duration", String(DURATION_S)]),
    ]);
    queuesAfter = await loadgenQueues();
    for (const [name, r] of [["prefetch 1", p1], ["prefetch 10", p10]] as const) {
      const x = q(r);
      const ms = (s: number) => (s * 1000).toFixed(2);
      console.log(`${name}: W measured ${ms(x.measured.W.mean)} ± ${ms(x.measured.W.ci95)} ms, replayed ${ms(x.replayed!.W)}, sim+overheads ${ms(x.simulatedWithOverheads!.W.mean)}, simulated ${ms(x.simulated!.W.mean)}, analytic ${ms(Number(x.analytic!.W))}; ` +
        `measured - replayed ${ms(x.replayed!.differenceW.mean)} ± ${ms(x.replayed!.differenceW.ci95)} ms; Wq measured ${ms(x.measured.Wq.mean)}, simulated ${ms(x.simulated!.Wq.mean)}, analytic ${ms(Number(x.analytic!.Wq))}; throughput ${x.measured.throughput.mean.toFixed(2)}/s; ` +
        `overheads ${JSON.stringify({ p2d: r.overheads.publishToDeliverMs, a2n: r.overheads.ackToNextDeliverMs, overrun: r.overheads.serviceOverrunMs })}`);
    }
  }, (DURATION_S + 120) * 1000);

  it("prints the run --json shape with measured in place of simulated", () => {
    const x = q(p1);
    for (const k of ["throughput", "utilization", "L", "Lq", "W", "Wq", "pWait", "pBlock", "pExpire"] as const) {
      expect(x.measured[k]).toEqual({ mean: expect.any(Number), ci95: expect.any(Number) });
    }
    expect(Object.keys(x.measured.sojourn)).toEqual(["p50", "p90", "p95", "p99", "p999"]);
    expect(x.analytic).toMatchObject({ model: "M/M/2", exact: true });
    expect(x.simulated?.W.mean).toBeGreaterThan(0);
    expect(p1.broker).toMatchObject({ kind: "rabbitmq", url: "amqp://127.0.0.1:5672", declared: true });
    expect(JSON.stringify(p1)).not.toContain("guest:guest");
  });

  it("accounts for every message: all published messages acked, none lost, the queues deleted", () => {
    for (const r of [p1, p10]) {
      const c = q(r).measured.counts;
      expect(c.published).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight + c.lost);
      expect(c).toMatchObject({ confirmed: c.published, unconfirmed: 0, acked: c.published, lost: 0, inFlight: 0, leftInQueue: 0 });
      expect(r.stopped).toBeNull();
      expect(queuesAfter).not.toContain(r.broker.queue);
    }
    // Same seed, same plan: both runs published the very same messages.
    expect(q(p10).measured.counts.published).toBe(q(p1).measured.counts.published);
  });

  it("measures throughput within a Poisson tolerance of the generated rate", () => {
    for (const r of [p1, p10]) {
      const m = q(r).measured;
      // Arrivals in T s are Poisson(lambda T): the rate's sd is sqrt(lambda / T) (0.91/s at 60 s);
      // 99.9% two-sided is 3.29 sd. Acks in the window trail arrivals by the messages in the
      // system at its end: allow 3 L / T more.
      const tolerance = 3.29 * Math.sqrt(LAMBDA / r.publishedForS) + (3 * m.L.mean) / r.publishedForS;
      expect(Math.abs(m.throughput.mean - LAMBDA)).toBeLessThan(tolerance);
      expect(Math.abs(m.lambda.mean - LAMBDA)).toBeLessThan(3.29 * Math.sqrt(LAMBDA / r.publishedForS));
    }
  });

  it("measures both broker overheads with prefetch 1, in milliseconds", () => {
    const o = p1.overheads;
    expect(o.detail.publishToDeliver.samples).toBeGreaterThan(200);
    expect(o.detail.ackToNextDeliver.samples).toBeGreaterThan(200);
    for (const v of [o.publishToDeliverMs, o.ackToNextDeliverMs]) {
      expect(v).toBeGreaterThan(0.05);
      expect(v).toBeLessThan(20);
    }
    expect(o.method).toMatch(/idle/);
  });

  it("agrees, message by message, with the replay of the same messages through Kendall's broker queue", () => {
    for (const r of [p1, p10]) {
      const x = q(r);
      const d = x.replayed!.differenceW;
      // The paired difference's batch-means interval is widened from 95% to 99.9%, together with
      // the uncertainty of the overheads it used: an error in the ack-to-next or overrun mean
      // moves the replayed W by dW/dS (the M/M/2 sensitivity, ~4.5 here) times that error, and
      // the delivery delay adds to the (1 - pWait) of messages that find a consumer idle.
      const od = r.overheads.detail;
      const sens = sojournSensitivity(loadScenario(files.p1, process.cwd()));
      const ms = (v: number) => v / 1000;
      const tolerance = Z999_OVER_Z95 * Math.hypot(d.ci95, sens * ms(od.ackToNextDeliver.ci95Ms), sens * ms(od.serviceOverrun.ci95Ms), (1 - x.replayed!.pWait) * ms(od.publishToDeliver.ci95Ms));
      expect(x.replayed!.messages).toBe(x.measured.counts.acked);
      expect(Math.abs(d.mean)).toBeLessThan(tolerance);
    }
  });

  it("measures the mean sojourn of the simulation with the measured overheads added, within the spread of a 60 s run", () => {
    const x = q(p1);
    const adjusted = scenarioWithOverheads(loadScenario(files.p1, process.cwd()), p1.overheads)!;
    // One 60 s run's mean W has the sampling spread of ~3,000 messages from empty (about 12% here):
    // simulated, 200 replications of that length. 99.9% two-sided, with the simulation's own error.
    const sdRun = sdOfRunMeanW(adjusted, x.measured.counts.acked);
    const sim = x.simulatedWithOverheads!.W;
    const tolerance = 3.29 * Math.hypot(sdRun, sim.ci95 / 1.96);
    expect(Math.abs(x.measured.W.mean - sim.mean)).toBeLessThan(tolerance);
  });

  it("shows, on the broker and in the simulation, that prefetch 10 waits longer than prefetch 1, which M/M/c does not see", () => {
    const [a, b] = [q(p1), q(p10)];
    // Broker: the same messages (common random numbers), so the runs' difference is far less noisy
    // than either: replaying 300 seeds of 60 s gives Wq(10) - Wq(1) = 16.7 ms with sd 2.8 ms, > 0 by 6 sd.
    expect(b.measured.Wq.mean).toBeGreaterThan(a.measured.Wq.mean);
    // Simulation: 5 x 100,000 messages each; the difference exceeds the 99.9% interval of either error.
    const [sa, sb] = [a.simulated!.Wq, b.simulated!.Wq];
    expect(sb.mean - sa.mean).toBeGreaterThan(3.29 * Math.hypot(sa.ci95 / 1.96, sb.ci95 / 1.96));
    // Analytic: the same M/M/2 figures for both, flagged as an underestimate with prefetch 10.
    expect(b.analytic).toMatchObject({ exact: false, Wq: a.analytic!.Wq });
    expect(String(b.analytic!.note)).toMatch(/prefetch 10: .*underestimates the wait/);
    expect(formatLoadgenTable(p10)).toMatch(/note: .*prefetch 10: .*underestimates the wait/);
    expect(sb.mean - Number(b.analytic!.Wq)).toBeGreaterThan(3.29 * (sb.ci95 / 1.96));
  });
});
