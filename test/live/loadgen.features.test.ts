import { beforeAll, expect, it } from "vitest";
import { loadScenario } from "../../src/cli/loadScenario.ts";
import { MessagePlan, type LoadgenResult } from "../../src/live/loadgen/index.ts";
import { AMQP_URL, NATS_URL, describeWithBroker, loadgenJson, scenarioFile } from "./loadgenSupport.ts";

const DURATION_S = 5;
const small = { messages: 5000, replications: 2 };
const files = {
  requeue: scenarioFile("nack-requeue", { arrival: { process: "poisson", rate: 20 }, service: { dist: "exponential", mean: 0.02 }, failure: { probability: 0.2, requeue: true } }, small),
  reject: scenarioFile("nack-reject", { arrival: { process: "poisson", rate: 20 }, service: { dist: "exponential", mean: 0.02 }, failure: { probability: 0.3, requeue: false } }, small),
  limit: scenarioFile("nack-limit", { arrival: { process: "poisson", rate: 20 }, service: { dist: "exponential", mean: 0.02 }, failure: { probability: 0.5, requeue: true, maxDeliveries: 2 } }, small),
  full: scenarioFile("reject-publish", { arrival: { process: "poisson", rate: 50 }, service: { dist: "exponential", mean: 0.05 }, consumers: 1, capacity: 3 }, small),
  ttl: scenarioFile("ttl", { arrival: { process: "poisson", rate: 40 }, service: { dist: "exponential", mean: 0.05 }, consumers: 1, ttl: 0.05 }, small),
  batch: scenarioFile("batch", { arrival: { process: "batch", rate: 10, size: { dist: "geometric", mean: 2 } }, service: { dist: "deterministic", value: 0.01 } }, small),
};

/** What the plan (same scenario, same seed) says the first `n` messages do: the oracle for nack counts. */
function planned(file: string, n: number) {
  const scenario = loadScenario(file, process.cwd());
  const plan = new MessagePlan(scenario.queues[0]!, scenario.seed);
  let nacks = 0, deadLettered = 0;
  const epochs = new Set<number>();
  for (let i = 0; i < n; i++) {
    const m = plan.next(Infinity)!;
    nacks += m.nacks + (m.deadLetter ? 1 : 0);
    deadLettered += m.deadLetter ? 1 : 0;
    epochs.add(m.dueS);
  }
  return { nacks, deadLettered, epochs: epochs.size };
}

await describeWithBroker("kendall loadgen drives the scenario's failures, capacity, TTL and batches on RabbitMQ", [5672], () => {
  const r: Record<keyof typeof files, LoadgenResult> = {} as never;
  beforeAll(async () => {
    const names = Object.keys(files) as (keyof typeof files)[];
    const results = await Promise.all(names.map((k) => loadgenJson([files[k], "--amqp", AMQP_URL, "--duration", String(DURATION_S), "--drain", "5"])));
    names.forEach((k, i) => (r[k] = results[i]!));
  }, 90_000);

  const counts = (k: keyof typeof files) => r[k].queues.orders!.measured.counts;

  it("keeps every count identity: published = acked + expired + deadLettered + dropped + inFlight + lost, nothing lost", () => {
    for (const k of Object.keys(files) as (keyof typeof files)[]) {
      const c = counts(k);
      expect(c.published, k).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight + c.lost);
      expect(c.lost, k).toBe(0);
      expect(c.unconfirmed, k).toBe(0);
    }
  });

  it("nacks with requeue as planned: the broker redelivers each, and every message is acked in the end", () => {
    const c = counts("requeue");
    const p = planned(files.requeue, c.published);
    expect(c.nacked).toBe(p.nacks);
    expect(c.redelivered).toBe(p.nacks);
    expect(c.acked).toBe(c.published);
  });

  it("nacks without requeue as planned: exactly the planned messages are dead-lettered", () => {
    const c = counts("reject");
    const p = planned(files.reject, c.published);
    expect(c.deadLettered).toBe(p.deadLettered);
    expect(c.acked + c.deadLettered).toBe(c.published);
  });

  it("dead-letters a message at failure.maxDeliveries", () => {
    const c = counts("limit");
    const p = planned(files.limit, c.published);
    expect(c.deadLettered).toBe(p.deadLettered);
    expect(c.nacked).toBe(p.nacks);
    expect(c.deadLettered).toBeGreaterThan(0);
  });

  it("counts publishes refused by a full queue (x-max-length 3, reject-publish) as dropped", () => {
    const m = r.full.queues.orders!.measured;
    // rho = 2.5 with room for 3 waiting: most publishes must be refused (M/M/1/4 blocks 61%).
    expect(m.counts.dropped).toBeGreaterThan(m.counts.published / 3);
    expect(m.pBlock.mean).toBeCloseTo(m.counts.dropped / m.counts.published, 12);
    expect(m.counts.acked + m.counts.dropped).toBe(m.counts.published);
  });

  it("infers the messages a queue TTL removed as expired", () => {
    const c = counts("ttl");
    expect(c.expired).toBeGreaterThan(0);
    expect(c.acked + c.expired).toBe(c.published);
    expect(r.ttl.queues.orders!.measured.pExpire.mean).toBeGreaterThan(0);
  });

  it("publishes a batch's messages together", () => {
    const c = counts("batch");
    expect(planned(files.batch, c.published).epochs).toBeLessThan(c.published);
    expect(c.acked).toBe(c.published);
  });
});

await describeWithBroker("kendall loadgen nacks on NATS JetStream", [4222], () => {
  it("naks with requeue (redelivered) and terms without, as planned", async () => {
    const [requeue, reject] = await Promise.all([files.requeue, files.reject].map((f) => loadgenJson([f, "--nats", NATS_URL, "--duration", String(DURATION_S), "--drain", "5", "--no-simulate"])));
    const a = requeue!.queues.orders!.measured.counts;
    expect(a.nacked).toBe(planned(files.requeue, a.published).nacks);
    expect(a.redelivered).toBe(a.nacked);
    expect(a.acked).toBe(a.published);
    const b = reject!.queues.orders!.measured.counts;
    expect(b.deadLettered).toBe(planned(files.reject, b.published).deadLettered);
    expect(b.acked + b.deadLettered).toBe(b.published);
  }, 60_000);
});
