import type { QueueSpec, Scenario } from "../../src/scenario/types.ts";

/** A one-queue scenario with every default filled, for engine tests that bypass the file format. */
export function singleQueue(queue: Partial<QueueSpec> & Pick<QueueSpec, "service">, run: Partial<Scenario["run"]> = {}, seed = 1): Scenario {
  return {
    version: 1,
    name: "test",
    seed,
    run: { messages: 50_000, warmup: "auto", replications: 5, ...run },
    queues: [{ id: "q", consumers: 1, prefetch: 1, capacity: null, overflow: "reject-publish", discipline: "fifo", ...queue }],
  };
}

/** A queue spec with defaults, for networks. */
export function queue(spec: Partial<QueueSpec> & Pick<QueueSpec, "id" | "service">): QueueSpec {
  return { consumers: 1, prefetch: 1, capacity: null, overflow: "reject-publish", discipline: "fifo", ...spec };
}

/** Half-width at another confidence level, from the 95% half-width over n replications. */
export function widen(ci95: number, tLevel: number, t95: number): number {
  return (ci95 * tLevel) / t95;
}
