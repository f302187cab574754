import type { ArrivalSpec } from "../engine/arrivals/spec.ts";
import type { DistributionSpec, IntegerDistributionSpec } from "../engine/random/spec.ts";

export type { ArrivalSpec, DistributionSpec, IntegerDistributionSpec };

/**
 * A scenario after validation, with every default filled in (DESIGN.md, "Scenario file").
 * This is the contract between files, the engine, the analytic models and the UI.
 */
export interface Scenario {
  version: 1;
  name: string;
  /** Master seed; every random stream is derived from it by name. */
  seed: number;
  description?: string;
  run: RunSpec;
  queues: QueueSpec[];
}

export type WarmupSpec = "auto" | 0 | { messages: number } | { duration: number };

export interface RunSpec {
  /** Messages that leave the system after warm-up, per replication. Exactly one of messages/duration. */
  messages?: number;
  /** Simulated seconds after warm-up, per replication. */
  duration?: number;
  warmup: WarmupSpec;
  /** Independent replications, seeds derived from the scenario seed. Integer >= 1. */
  replications: number;
  /** Target relative 95% half-width of W; replications are added until met or `maxReplications`. */
  precision?: number;
  maxReplications?: number;
  /** Messages waiting in one queue at which a run stops ("backlog limit"). */
  backlogLimit?: number;
  /** Events (arrivals + completions) per replication at which a run stops ("event budget"). */
  eventBudget?: number;
}

export interface PriorityClassSpec {
  class: string;
  /** Higher is served first (RabbitMQ's rule). Integer 0..255. */
  priority: number;
  /** Fraction of the queue's outside arrivals in this class; shares sum to 1. */
  share: number;
  /** Overrides the queue's service for this class. */
  service?: DistributionSpec;
}

export interface FailureSpec {
  /** Probability that a delivery is nacked after its service time. */
  probability: number;
  /** true: back to the head of the queue, flagged redelivered; false: dead-lettered. */
  requeue: boolean;
  /** After this many deliveries the message is dead-lettered (reason delivery_limit). */
  maxDeliveries?: number;
}

export interface RouteSpec {
  to: string;
  probability: number;
}

export type Overflow = "reject-publish" | "drop-head";
export type Discipline = "fifo" | "lifo" | "priority" | "random";

export interface QueueSpec {
  id: string;
  arrival?: ArrivalSpec;
  service: DistributionSpec;
  /** Integer >= 1, or "unlimited" (every message starts service at once). Default 1. */
  consumers: number | "unlimited";
  /** Unacked messages a consumer may hold; 0 = unlimited. Default 1. */
  prefetch: number;
  /** Max ready messages (x-max-length); null = unbounded. Default null. */
  capacity: number | null;
  overflow: Overflow;
  discipline: Discipline;
  priorities?: PriorityClassSpec[];
  preemptive?: boolean;
  /** Max time in the ready state, fixed or drawn per message. */
  ttl?: number | DistributionSpec;
  failure?: FailureSpec;
  deadLetter?: string;
  routes?: RouteSpec[];
  fanout?: string[];
}
