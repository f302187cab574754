import type { Scenario } from "../src/scenario/types.ts";

/** The threads section's scenario: 8 replications of M/M/1 at rho 0.9. */
export function threadsScenario(messages: number): Scenario {
  return {
    version: 1, name: "threads", seed: 1,
    run: { messages, warmup: 0, replications: 8 },
    queues: [{ id: "q", arrival: { process: "poisson", rate: 0.9 }, service: { dist: "exponential", mean: 1 }, consumers: 1, prefetch: 1, capacity: null, overflow: "reject-publish", discipline: "fifo" }],
  };
}
