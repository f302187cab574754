import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/scenario/types.ts";
import { runScenario } from "../../src/simulation/run.ts";
import { analyzeScenario } from "../../src/simulation/withAnalytic.ts";
import { queue, singleQueue } from "../support/scenarios.ts";
import { theoryChecker } from "../support/validation.ts";

/*
 * Consumer capacity (RabbitMQ's consumer utilisation: the time-average fraction with a consumer
 * free to take a message) against 1 - P(every consumer busy) from the models' state laws. With
 * Poisson arrivals an arrival sees the time average (PASTA), so P(n >= c) = pWait (1 - pBlock)
 * + pBlock: Erlang C for M/M/c (Gross & Harris 4th ed. sec. 2.3), the M/M/c/K law (sec. 2.5),
 * rho for M/G/1 (P-K), the node's marginal in a Jackson network. R = 10 replications, seed
 * 20261128 fixed before any run, Bonferroni over the file's 5 comparisons (family-wise 99%).
 */
const R = 10;
const SEED = 20261128;
const within99 = theoryChecker(R, 5);

function check(s: Scenario, id: string) {
  const sim = runScenario(s).queues[id]!.simulated.consumerCapacity;
  const a = analyzeScenario(s).queues[id]!.analytic!;
  expect(a.consumerCapacity, `${id}: the model gives consumer capacity`).toBeTypeOf("number");
  within99(sim, a.consumerCapacity, `${id}.consumerCapacity`);
}

describe("consumer capacity against the models", () => {
  it("M/M/2 at rho 0.75: 1 - Erlang C = 1 - 9/14", () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 50 }, service: { dist: "exponential", mean: 0.03 }, consumers: 2 }, { messages: 100_000, replications: R }, SEED);
    expect(analyzeScenario(s).queues.q!.analytic!.consumerCapacity).toBeCloseTo(1 - 9 / 14, 12);
    check(s, "q");
  });

  it("M/M/3/8 (capacity 5, reject-publish): 1 - P(n >= 3) with the blocked state", () => {
    check(singleQueue({ arrival: { process: "poisson", rate: 30 }, service: { dist: "exponential", mean: 0.1 }, consumers: 3, capacity: 5 }, { messages: 100_000, replications: R }, SEED), "q");
  });

  it("M/D/1 at rho 0.8: 1 - rho", () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 8 }, service: { dist: "deterministic", value: 0.1 }, consumers: 1 }, { messages: 100_000, replications: R }, SEED);
    expect(analyzeScenario(s).queues.q!.analytic!.consumerCapacity).toBeCloseTo(0.2, 12);
    check(s, "q");
  });

  it("a Jackson feedback network: each node's marginal", () => {
    const s: Scenario = {
      version: 1, name: "feedback", seed: SEED, run: { messages: 100_000, warmup: "auto", replications: R },
      queues: [
        queue({ id: "work", arrival: { process: "poisson", rate: 6 }, service: { dist: "exponential", mean: 0.1 }, routes: [{ to: "check", probability: 1 }] }),
        queue({ id: "check", service: { dist: "exponential", mean: 0.05 }, consumers: 2, routes: [{ to: "work", probability: 0.25 }] }),
      ],
    };
    check(s, "work");
    check(s, "check");
  });

  it("gives none where the state law does not say it: prefetch above 1, TTL (Erlang A), batches, approximations", () => {
    const none = (q: Parameters<typeof singleQueue>[0]) => analyzeScenario(singleQueue(q)).queues.q!.analytic?.consumerCapacity;
    const base = { arrival: { process: "poisson" as const, rate: 5 }, service: { dist: "exponential" as const, mean: 0.1 } };
    expect(none({ ...base, prefetch: 10 })).toBeUndefined();
    expect(none({ ...base, ttl: { dist: "exponential", mean: 1 } })).toBeUndefined();
    expect(none({ ...base, arrival: { process: "batch", rate: 2, size: { dist: "geometric", mean: 2 } } })).toBeUndefined();
    expect(none({ ...base, service: { dist: "lognormal", mean: 0.1, cv: 2 }, consumers: 2 })).toBeUndefined();
  });
});
