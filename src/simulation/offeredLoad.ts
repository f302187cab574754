import { createArrivalProcess } from "../engine/arrivals/index.ts";
import type { Scenario } from "../scenario/types.ts";
import type { CompiledQueue } from "./compile.ts";

export interface QueueLoad {
  /** Outside arrival rate (msg/s): the arrival process's long-run mean. */
  external: number;
  /** Arrival rate into the queue from outside and from routes (msg/s), solving the traffic equations. */
  lambda: number;
  /** Mean consumer time per message, counting redeliveries (s). */
  meanDemand: number;
  /** lambda * meanDemand / consumers (0 for unlimited consumers). */
  rho: number;
  /** Whether the backlog can grow without bound: rho >= 1 with no capacity and no TTL to shed load. */
  unstable: boolean;
  /** lambda - consumers / meanDemand when unstable (msg/s), else 0. */
  growthPerS: number;
}

/**
 * Expected deliveries of a message at a queue whose deliveries fail with probability `p`: 1
 * without requeue (a failure is dead-lettered); with requeue geometric, E[N] = 1/(1-p), or
 * capped by a delivery limit m, E[N] = (1 - p^m)/(1-p), which is m at p = 1. Infinity for
 * p = 1 with requeue and no limit (the schema refuses that: every message would loop for ever).
 */
export function expectedDeliveries(p: number, requeue: boolean, maxDeliveries: number): number {
  if (p === 0 || !requeue) return 1;
  if (maxDeliveries > 0) return p === 1 ? maxDeliveries : (1 - p ** maxDeliveries) / (1 - p);
  return p < 1 ? 1 / (1 - p) : Infinity;
}

/**
 * The offered load of every queue: outside arrival rates plus routed, fanned-out and requeued
 * traffic, by the traffic equations lambda_j = gamma_j + sum_i lambda_i p_ij (Jackson 1957)
 * iterated to a fixed point. Dead-letter flows are not counted (they depend on the outcome).
 */
export function offeredLoad(scenario: Scenario, queues: CompiledQueue[]): QueueLoad[] {
  const gamma = scenario.queues.map((q) => {
    if (!q.arrival) return 0;
    if (q.arrival.process === "trace" && !q.arrival.times) return 0;
    return createArrivalProcess(q.arrival, () => 0.5).meanRate;
  });
  let lambda = gamma.slice();
  for (let iter = 0; iter < 1000; iter++) {
    const next = gamma.slice();
    for (const q of queues) {
      const out = lambda[q.index]!;
      for (let k = 0; k < q.routeTo.length; k++) next[q.routeTo[k]!]! += out * (q.routeCum[k]! - (k > 0 ? q.routeCum[k - 1]! : 0));
      for (const f of q.fanout) next[f]! += out;
    }
    const delta = next.reduce((d, v, i) => Math.max(d, Math.abs(v - lambda[i]!)), 0);
    lambda = next;
    if (delta <= 1e-12 * Math.max(1, ...lambda) || !lambda.every(Number.isFinite)) break;
  }
  return queues.map((q, i) => {
    const l = Number.isFinite(lambda[i]!) ? lambda[i]! : Infinity;
    const shares = q.classCumShare;
    const meanService = q.service.length === 1 ? q.service[0]!.mean : q.service.reduce((s, d, k) => s + d.mean * (shares[k]! - (k > 0 ? shares[k - 1]! : 0)), 0);
    const meanDemand = meanService * expectedDeliveries(q.failureP, q.requeue, q.maxDeliveries);
    // No consumers (a delay queue): nothing is served; its messages leave by TTL (the schema requires one).
    const rho = q.servers === Infinity ? 0 : q.servers === 0 ? (l > 0 ? Infinity : 0) : (l * meanDemand) / q.servers;
    const sheds = q.spec.capacity !== null || q.ttl !== null;
    const unstable = rho >= 1 && !sheds && q.servers > 0;
    return { external: gamma[i]!, lambda: l, meanDemand, rho, unstable, growthPerS: unstable ? l - q.servers / meanDemand : 0 };
  });
}
