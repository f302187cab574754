/**
 * The result of `kendall loadgen --json` (DESIGN.md, "Other outputs"): the `run --json` shape
 * with `measured` in place of `simulated`, plus what only a real broker can tell (overheads,
 * publish confirms, the replay of the run's own messages).
 */
import type { Estimate, Percentiles, SimulatedQueue } from "../../simulation/result.ts";

export type { Estimate, Percentiles };

/**
 * Where every published message ended. As in `run --json`,
 * `published = acked + expired + deadLettered + dropped + inFlight`, plus `lost`, which is 0
 * unless the broker lost a message it had confirmed (or a publish that was never confirmed
 * never arrived). Each message is counted once, in its last state.
 */
export interface LoadgenCounts {
  /** Publishes sent (refused ones included). */
  published: number;
  /** Publishes the broker confirmed (RabbitMQ publisher confirms, JetStream PubAck). */
  confirmed: number;
  /** Publishes with neither a confirm nor a refusal when the run stopped (connection lost). */
  unconfirmed: number;
  /** Messages acked by a consumer. */
  acked: number;
  /** Removed by the broker without delivery when the queue has a TTL (inferred, see `lost`). */
  expired: number;
  /** Nacked without requeue, or after `failure.maxDeliveries` deliveries; or dropped at the head (drop-head overflow, inferred). */
  deadLettered: number;
  /** Publishes the broker refused (reject-publish overflow) or returned as unroutable. */
  dropped: number;
  /** Still in the broker when the run stopped (ready or unacked), or of unknown fate when the broker could not be asked. */
  inFlight: number;
  /** Confirmed or unconfirmed messages that are nowhere: not acked, dead-lettered, expired or left in the queue. */
  lost: number;
  /** Deliveries, and deliveries flagged redelivered. */
  delivered: number;
  redelivered: number;
  /** Nacks sent by consumers (requeued or not). */
  nacked: number;
  /** Messages counted in the queue after the consumers stopped; null when the broker could not be asked. */
  leftInQueue: number | null;
}

/** The figures measured on the real broker, in the units and meaning of `simulated`. */
export interface MeasuredQueue {
  /** Messages published per second over the publishing window (the generated rate). */
  lambda: Estimate;
  /** Acks per second over the publishing window. */
  throughput: Estimate;
  /** Fraction of consumer time spent working on a message (start of work to ack or nack). */
  utilization: Estimate;
  /** Time-average messages published and not yet acked (L) or not yet started (Lq). */
  L: Estimate;
  Lq: Estimate;
  /** Mean sojourn (publish to ack) and wait (publish to the start of work), s, over acked messages. */
  W: Estimate;
  Wq: Estimate;
  /** Fraction of acked messages whose consumer was busy (or had a message buffered) when they were published. */
  pWait: Estimate;
  pBlock: Estimate;
  pExpire: Estimate;
  wait: Percentiles;
  sojourn: Percentiles;
  /** Mean time a consumer worked on a message (start to ack or nack), s, and the mean demand drawn. */
  service: { actual: Estimate; demanded: number };
  /** How late publishes went out against their scheduled times, ms. */
  publishLagMs: { mean: number; max: number };
  counts: LoadgenCounts;
}

/** One overhead as measured: mean with a batch-means 95% half-width, median, p99, and the sample count. */
export interface OverheadEstimate {
  meanMs: number | null;
  ci95Ms: number;
  p50Ms: number | null;
  p99Ms: number | null;
  samples: number;
}

/**
 * The broker's per-message overheads, measured in the run (means in ms; null when the run gave
 * no sample, e.g. ack-to-next-deliver with prefetch > 1, where the client's buffer hides it).
 */
export interface Overheads {
  /** Publish to delivery, for messages whose consumer was idle when they were published. */
  publishToDeliverMs: number | null;
  /** Ack to the next delivery to the same consumer, when that message was already waiting. */
  ackToNextDeliverMs: number | null;
  /** Consumer time per message beyond the drawn service demand (timer lateness, the ack call, event-loop stalls). */
  serviceOverrunMs: number | null;
  detail: { publishToDeliver: OverheadEstimate; ackToNextDeliver: OverheadEstimate; serviceOverrun: OverheadEstimate };
  method: string;
}

/** The simulation with the measured overheads put in (see `withOverheads.ts`). */
export interface SimulatedWithOverheads {
  W: Estimate;
  Wq: Estimate;
  utilization: Estimate;
  pWait: Estimate;
  /** Deterministic time added to every service draw, and the delivery delay to an idle consumer, ms. */
  extraServiceMs: number;
  deliveryDelayMs: number;
  method: string;
}

/** This run's own messages (publish times, service demands, work times) replayed through Kendall's broker queue. */
export interface Replayed {
  W: number;
  Wq: number;
  pWait: number;
  /** Measured minus replayed, message by message: mean and batch-means 95% half-width, s. */
  differenceW: Estimate;
  differenceWq: Estimate;
  messages: number;
  method: string;
}

/** One queue of the result: measured beside analytic and simulated. */
export interface LoadgenQueueResult {
  measured: MeasuredQueue;
  analytic: Record<string, unknown> | null;
  analyticReason?: string;
  simulated?: SimulatedQueue;
  simulatedWithOverheads?: SimulatedWithOverheads;
  replayed?: Replayed;
}

/** Why a run ended before its duration. */
export interface LoadgenStopped {
  reason: "connection lost" | "message limit" | "interrupted";
  detail?: string;
}

/** The whole `kendall loadgen --json` result. */
export interface LoadgenResult {
  scenario: string;
  seed: number;
  broker: { kind: "rabbitmq" | "nats"; url: string; queue: string; declared: boolean; queueType?: string };
  consumers: number;
  prefetch: number;
  /** Seconds of publishing asked for and done; seconds spent draining after it. */
  durationS: number;
  publishedForS: number;
  drainedForS: number;
  queues: Record<string, LoadgenQueueResult>;
  overheads: Overheads;
  unstable: { queue: string; rho: number; growthPerS: number }[];
  stopped: LoadgenStopped | null;
  notes: string[];
  runtime: { wallMs: number };
}
