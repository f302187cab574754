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
    // Its figures are read after the release, from the integrals and counts, which stay. The
    // backlog grows at lambda - mu = 100 msg/s until it passes 20,000 (~200 s): arrivals minus
    // departures over 200 s have a standard deviation of sqrt(200 * 200 + 100 * 200) ~ 245
    // messages, ~1.2 msg/s of growth, so +-5 msg/s is over 4 of them. L, the time average of a
    // backlog rising linearly from 0 to 20,000, is ~10,000; +-500 is over 4 standard deviations
    // of the same count's effect (half the end backlog's).
    const q = summary.queues[0]!;
    expect(q.growth).toBeGreaterThan(95);
    expect(q.growth).toBeLessThan(105);
    expect(q.metrics.L).toBeGreaterThan(9_500);
    expect(q.metrics.L).toBeLessThan(10_500);
  });
});
