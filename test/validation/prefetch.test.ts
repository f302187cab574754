import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/simulation/run.ts";
import { singleQueue } from "../support/scenarios.ts";

/*
 * The prefetch window. Measured on RabbitMQ 3.10 (classic queue, lambda = 50/s, two consumers
 * with mean service 30 ms): prefetch 10 made the mean wait 30-50% worse than prefetch 1, because
 * a message already in a busy consumer's window cannot be taken by an idle one. Same seed for
 * both runs (common random numbers), 5 replications of 100 000 messages.
 */
const scenario = (prefetch: number) =>
  singleQueue({ arrival: { process: "poisson", rate: 50 }, service: { dist: "exponential", mean: 0.03 }, consumers: 2, prefetch }, { messages: 100_000, replications: 5 }, 3);

describe("prefetch", () => {
  const p1 = runScenario(scenario(1)).queues.q!.simulated;
  const p10 = runScenario(scenario(10)).queues.q!.simulated;

  it("with prefetch 1 matches M/M/2 (Erlang C, Gross & Harris eq. 2.31)", () => {
    // a = lambda/mu = 1.5 Erlangs: B(2, 1.5) = 0.310345 (Erlang B recursion), C = B / (1 - rho (1 - B)) = 0.642857.
    const pWait = 0.642857142857;
    const wq = pWait / (2 / 0.03 - 50); // Wq = C / (c mu - lambda) = 38.57 ms
    // Inside the 99% interval: t(0.995, 4) / t(0.975, 4) = 4.604 / 2.776 = 1.658 times the 95% half-width.
    expect(Math.abs(p1.Wq.mean - wq)).toBeLessThan(1.658 * p1.Wq.ci95);
    expect(Math.abs(p1.pWait.mean - pWait)).toBeLessThan(1.658 * p1.pWait.ci95);
  });

  it("with prefetch 10 waits 30-60% longer, as measured on a real broker", () => {
    const worse = p10.Wq.mean / p1.Wq.mean - 1;
    expect(worse).toBeGreaterThan(0.3);
    expect(worse).toBeLessThan(0.6);
    // The intervals do not overlap: the effect is not noise.
    expect(p10.Wq.mean - p10.Wq.ci95).toBeGreaterThan(p1.Wq.mean + p1.Wq.ci95);
  });

  it("reads consumer capacity near 1 with a deep window, as RabbitMQ's consumer_utilisation does", () => {
    expect(p10.consumerCapacity.mean).toBeGreaterThan(0.98);
    expect(p1.consumerCapacity.mean).toBeLessThan(0.5);
  });
});
