import { createDistribution } from "../../engine/random/index.ts";
import type { QueueSpec, Scenario } from "../../scenario/types.ts";
import { runScenario } from "../../simulation/run.ts";
import { analyzeScenario } from "../../simulation/withAnalytic.ts";
import { openAmqpSession } from "./amqpSession.ts";
import { redactUrl } from "./brokerError.ts";
import { driveLoad } from "./driver.ts";
import { measuredQueue } from "./measure.ts";
import { openNatsSession } from "./natsSession.ts";
import { replayRun } from "./replay.ts";
import type { BrokerSession, QueueSetup } from "./session.ts";
import type { LoadgenQueueResult, LoadgenResult } from "./types.ts";
import { adjustForDelivery, scenarioWithOverheads } from "./withOverheads.ts";

/** Most consumers one run opens (one AMQP channel or pull loop each). */
export const MAX_CONSUMERS = 1000;

/** What `kendall loadgen` runs. */
export interface LoadgenOptions {
  scenario: Scenario;
  /** Index of the scenario queue to drive. */
  queueIndex: number;
  broker: { kind: "rabbitmq" | "nats"; url: string; queue?: string; queueType?: "classic" | "quorum" };
  /** Seconds of publishing, > 0. */
  durationS: number;
  drainS?: number;
  /** Seeds the message plan; default the scenario's seed. */
  seed?: number;
  /** Also simulate the scenario (plain and with the measured overheads). Default true. */
  simulate?: boolean;
  messageLimit?: number;
  signal?: AbortSignal;
  /** Wall clock in ms for the simulation's runtime figures. */
  clock?: () => number;
}

/**
 * The scenario reduced to the one queue a load generator drives: routes, fanout and dead-letter
 * targets dropped (with a note), so the simulation and the analytic model describe what runs.
 * @throws RangeError naming the field when the queue cannot be driven (no arrivals, unlimited consumers).
 */
export function singleQueueScenario(s: Scenario, index: number, notes: string[]): Scenario {
  const path = `queues[${index}]`;
  const { routes, fanout, deadLetter, ...q } = s.queues[index]!;
  if (!q.arrival) throw new RangeError(`${path}.arrival: queue ${JSON.stringify(q.id)} has no arrival process to drive (it is fed by routes or dead letters)`);
  if (q.consumers === "unlimited") throw new RangeError(`${path}.consumers: "unlimited" cannot be run on a real broker (give a number of consumers)`);
  if (q.consumers > MAX_CONSUMERS) throw new RangeError(`${path}.consumers: ${q.consumers} (loadgen opens at most ${MAX_CONSUMERS})`);
  if (routes?.length || fanout?.length || deadLetter !== undefined) notes.push("only this queue is driven: its routes, fanout and dead-letter target are left out, of the simulation too");
  if (q.discipline === "lifo" || q.discipline === "random") notes.push(`the broker serves in FIFO order; the scenario's ${q.discipline} order is simulated but not driven`);
  return { ...s, queues: [q] };
}

/** The broker-side settings of a scenario queue. */
export function queueSetup(q: QueueSpec): QueueSetup {
  const meanService = createDistribution(q.service).mean;
  return {
    consumers: q.consumers === "unlimited" ? 0 : q.consumers,
    prefetch: q.prefetch,
    capacity: q.capacity,
    overflow: q.overflow,
    ...(typeof q.ttl === "number" ? { ttlS: q.ttl } : {}),
    ...(q.priorities?.length ? { maxPriority: Math.max(...q.priorities.map((c) => c.priority)) } : {}),
    ...(q.failure?.maxDeliveries ? { maxDeliveries: q.failure.maxDeliveries } : {}),
    ackWaitS: Math.min(3600, Math.max(30, 20 * (Number.isFinite(meanService) ? meanService : 0))),
  };
}

function openSession(o: LoadgenOptions, q: QueueSpec): Promise<BrokerSession> {
  const setup = queueSetup(q);
  const b = o.broker;
  return b.kind === "rabbitmq"
    ? openAmqpSession({ url: b.url, queue: b.queue, label: q.id, setup, queueType: b.queueType ?? "classic" })
    : openNatsSession({ url: b.url, queue: b.queue, setup });
}

/**
 * Drives a real broker with one queue of a scenario and returns what was measured, beside the
 * analytic model, the simulation of the same one-queue scenario, the simulation with the
 * measured overheads put in, and the replay of the run's own messages.
 * @throws BrokerError when the broker cannot be reached or refuses; RangeError for a queue that cannot be driven.
 */
export async function runLoadgen(o: LoadgenOptions): Promise<LoadgenResult> {
  const wallStart = performance.now();
  const notes: string[] = [];
  const scenario = singleQueueScenario(o.scenario, o.queueIndex, notes);
  const q = scenario.queues[0]!;
  const seed = o.seed ?? scenario.seed;
  const session = await openSession(o, q);
  const out = await driveLoad(session, { spec: q, path: `queues[${o.queueIndex}]`, seed, durationS: o.durationS, drainS: o.drainS, messageLimit: o.messageLimit, signal: o.signal });
  const overheads = out.overheads.result();
  const analyzed = analyzeScenario(scenario);
  const analysis = analyzed.queues[q.id];
  const result: LoadgenQueueResult = { measured: measuredQueue(out), analytic: (analysis?.analytic ?? null) as Record<string, unknown> | null };
  if (analysis?.reason) result.analyticReason = analysis.reason;
  if (o.simulate !== false) {
    result.simulated = runScenario(scenario, { clock: o.clock }).queues[q.id]!.simulated;
    const shifted = scenarioWithOverheads(scenario, overheads);
    if (shifted) result.simulatedWithOverheads = adjustForDelivery(runScenario(shifted, { clock: o.clock }).queues[q.id]!.simulated, overheads, q.prefetch);
  }
  if (out.ledger.size > 0) result.replayed = replayRun({ spec: q, seed, durationS: o.durationS, ledger: out.ledger, overheads, delays: out.overheads.delays() });
  return {
    scenario: scenario.name,
    seed,
    broker: { kind: session.kind, url: redactUrl(o.broker.url), queue: session.queue, declared: session.declared, ...(session.queueType ? { queueType: session.queueType } : {}) },
    consumers: q.consumers as number,
    prefetch: q.prefetch,
    durationS: o.durationS,
    publishedForS: out.publishedForS,
    drainedForS: out.drainedForS,
    queues: { [q.id]: result },
    overheads,
    unstable: analyzed.unstable,
    stopped: out.stopped,
    notes: [...notes, ...out.notes],
    runtime: { wallMs: performance.now() - wallStart },
  };
}
