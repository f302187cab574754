import { describe, expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { FifoNetworkModel } from "../../src/simulation/fifoNetwork.ts";
import { NetworkModel } from "../../src/simulation/model.ts";
import { prepareRun, simulateReplication } from "../../src/simulation/run.ts";

/*
 * A replication that is over keeps what its summary reads (counts, time-integrals, statistics,
 * the clock) and gives back the memory its run grew: the message store and the event list. Its
 * model is then kept as the last of its kind (src/simulation/replicationBase.ts), so this is
 * what a finished run holds on to.
 */
function scenario(queue: Record<string, unknown>): Scenario {
  const parsed = parseScenario({
    version: 1, name: "unstable", seed: 5, run: { messages: 200_000, warmup: 0, replications: 1, backlogLimit: 20_000 },
    queues: [{ id: "a", arrival: { process: "poisson", rate: 200 }, service: { dist: "exponential", mean: 0.01 }, consumers: 1, ...queue }],
  });
  if (!parsed.ok) throw new Error("scenario");
  return parsed.scenario;
}

describe("a finished replication", () => {
  it.each([
    ["FifoNetworkModel", {}, "auto", FifoNetworkModel],
    ["NetworkModel", {}, "general", NetworkModel],
    ["NetworkModel with TTL timers", { ttl: { dist: "deterministic", value: 1e6 } }, "auto", NetworkModel],
  ] as const)("%s gives back its message store and event list, and keeps its figures", (_, queue, model, kind) => {
    const s = scenario(queue);
    const { model: m, summary } = simulateReplication(prepareRun(s, { model }), 0);
    expect(m).toBeInstanceOf(kind);
    // rho = 2: the run stops at the backlog limit with > 20,000 messages in flight, each once in the store.
    expect(m.stopped).toBe("backlog limit");
    expect(m.brokers[0]!.readyCount).toBeGreaterThan(20_000);
    expect((m as FifoNetworkModel | NetworkModel).store.capacity).toBe(16);
    if (m instanceof NetworkModel) expect(m.cal.size).toBe(0);
    expect(m.now).toBeGreaterThan(100);
    // Its figures are read after the release: the backlog's time average and growth (~100 msg/s,
    // lambda - mu) come from the integrals and counts, which stay.
    const q = summary.queues[0]!;
    expect(q.metrics.L).toBeGreaterThan(1_000);
    expect(q.growth).toBeGreaterThan(50);
    expect(q.growth).toBeLessThan(150);
  });
});
