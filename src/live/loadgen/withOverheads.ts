import { createDistribution, type DistributionSpec } from "../../engine/random/index.ts";
import { createStream } from "../../engine/rng.ts";
import type { Scenario } from "../../scenario/types.ts";
import type { SimulatedQueue } from "../../simulation/result.ts";
import type { Overheads, SimulatedWithOverheads } from "./types.ts";

/** Points of the empirical distribution that stands for "service time plus a constant". */
const SHIFT_POINTS = 20_000;

/** How the overheads enter the simulation (carried in the result). */
export const withOverheadsMethod =
  "each service draw lengthened by the time a consumer holds a message slot beyond its work: ackToNextDeliverMs (prefetch 1 only: " +
  "with a larger window the next message is already in the client's buffer) plus serviceOverrunMs, as an empirical distribution of " +
  `${SHIFT_POINTS} points (stratified quantiles for exponential service, so streams stay coupled with the plain simulation); ` +
  "then the delivery delay: W + (publishToDeliver - ackToNext) (1 - pWait), Wq + ackToNext pWait + publishToDeliver (1 - pWait), " +
  "since a message that waits reaches its consumer ackToNext after the ack that frees it, and one that does not, publishToDeliver after its publish";

/**
 * A service distribution lengthened by `extraS` seconds (which may be negative; draws stay >= 0):
 * deterministic stays deterministic; exponential becomes its stratified quantiles plus the
 * shift (drawn by inversion, so the same uniforms give the same ranks as the original);
 * anything else a seeded sample rescaled to the exact mean, plus the shift. Null when the mean is infinite.
 */
export function shiftedService(spec: DistributionSpec, extraS: number, seed: number): DistributionSpec | null {
  const dist = createDistribution(spec);
  if (!Number.isFinite(dist.mean)) return null;
  if (spec.dist === "deterministic") return { dist: "deterministic", value: Math.max(0, spec.value + extraS) };
  const samples = new Array<number>(SHIFT_POINTS);
  if (spec.dist === "exponential") {
    for (let i = 0; i < SHIFT_POINTS; i++) samples[i] = -dist.mean * Math.log(1 - (i + 0.5) / SHIFT_POINTS);
  } else {
    const rng = createStream(seed, "loadgen/overheads");
    for (let i = 0; i < SHIFT_POINTS; i++) samples[i] = dist.sample(rng);
  }
  const mean = samples.reduce((a, x) => a + x, 0) / SHIFT_POINTS;
  const scale = mean > 0 ? dist.mean / mean : 1;
  return { dist: "empirical", samples: samples.map((x) => Math.max(0, x * scale + extraS)) };
}

/** The consumer-slot time a message adds beyond its demand, and the delivery delay to an idle consumer, s. */
export function overheadParameters(overheads: Overheads, prefetch: number): { extraS: number; ackToNextS: number; deliveryS: number } {
  const deliveryS = (overheads.publishToDeliverMs ?? 0) / 1000;
  const ackToNextS = prefetch === 1 ? (overheads.ackToNextDeliverMs ?? overheads.publishToDeliverMs ?? 0) / 1000 : 0;
  return { extraS: ackToNextS + (overheads.serviceOverrunMs ?? 0) / 1000, ackToNextS, deliveryS };
}

/** The one-queue scenario with the overheads put into its service times (null when a service mean is infinite). */
export function scenarioWithOverheads(scenario: Scenario, overheads: Overheads): Scenario | null {
  const q = scenario.queues[0]!;
  const { extraS } = overheadParameters(overheads, q.prefetch);
  const service = shiftedService(q.service, extraS, scenario.seed);
  if (!service) return null;
  const priorities = q.priorities?.map((c) => (c.service ? { ...c, service: shiftedService(c.service, extraS, scenario.seed) ?? c.service } : c));
  return { ...scenario, queues: [{ ...q, service, ...(priorities ? { priorities } : {}) }] };
}

/** Means of the simulation with overheads, corrected for the delivery delay (see `withOverheadsMethod`). */
export function adjustForDelivery(sim: SimulatedQueue, overheads: Overheads, prefetch: number): SimulatedWithOverheads {
  const { extraS, ackToNextS, deliveryS } = overheadParameters(overheads, prefetch);
  const pWait = sim.pWait.mean;
  return {
    W: { mean: sim.W.mean + (deliveryS - ackToNextS) * (1 - pWait), ci95: sim.W.ci95 },
    Wq: { mean: sim.Wq.mean + ackToNextS * pWait + deliveryS * (1 - pWait), ci95: sim.Wq.ci95 },
    utilization: sim.utilization,
    pWait: sim.pWait,
    extraServiceMs: extraS * 1000,
    deliveryDelayMs: deliveryS * 1000,
    method: withOverheadsMethod,
  };
}
