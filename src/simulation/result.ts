/**
 * The result shape of `kendall run --json` (DESIGN.md, "run --json result shape"), shared by the
 * CLI, the worker, the page and the reports.
 */

/** A mean over replications (or batches) with its 95% half-width. */
export interface Estimate {
  mean: number;
  ci95: number;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
}

export interface SimulatedCounts {
  published: number;
  acked: number;
  redelivered: number;
  expired: number;
  deadLettered: number;
  dropped: number;
  inFlight: number;
  delivered: number;
  nacked: number;
  deadLetteredByReason: { rejected: number; maxlen: number; delivery_limit: number };
}

export interface SimulatedClass {
  W: Estimate;
  Wq: Estimate;
  wait: Percentiles;
  sojourn: Percentiles;
}

export interface SimulatedQueue {
  throughput: Estimate;
  utilization: Estimate;
  L: Estimate;
  Lq: Estimate;
  W: Estimate;
  Wq: Estimate;
  pWait: Estimate;
  pBlock: Estimate;
  pExpire: Estimate;
  /** Fraction of time a consumer could take a message at once (RabbitMQ's consumer utilisation). */
  consumerCapacity: Estimate;
  /**
   * Fraction of published messages lost because the queue was full: refused publishes
   * (reject-publish, as pBlock) plus the oldest messages discarded by drop-head (dead-lettered,
   * reason maxlen). What an SLO's `dropped` bounds.
   */
  pOverflow: Estimate;
  wait: Percentiles;
  sojourn: Percentiles;
  counts: SimulatedCounts;
  classes?: Record<string, SimulatedClass>;
  /** false when the queue has no steady state (its backlog grew without bound): its means describe this run only. */
  steady: boolean;
  /** Messages per second the backlog grew by after warm-up (mean over replications). */
  backlogGrowth: number;
}

export interface QueueResult {
  simulated: SimulatedQueue;
  /** The analytic model's figures, null where no formula or approximation applies. */
  analytic: Record<string, unknown> | null;
  /** Why no analytic model applies, when `analytic` is null. */
  analyticReason?: string;
}

export interface UnstableQueue {
  queue: string;
  /** Offered load per consumer, lambda / (c mu), counting redeliveries. */
  rho: number;
  /** How fast the backlog grows, messages per second: offered minus what the consumers can take. */
  growthPerS: number;
}

export interface WarmupInfo {
  method: "MSER-5" | "fixed" | "none";
  /** Departures discarded per replication, or the warm-up time. */
  messages?: number;
  duration?: number;
  /** false when MSER found no truncation point in the first half: the run may be too short. */
  detected?: boolean;
}

/** Histogram bin of a distribution chart: values in [lower, upper), count of messages. */
export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

/** What the page draws beyond the figures (only with `detail: true`; not part of `run --json`). */
export interface RunDetail {
  /** Queue lengths (ready + unacked) over simulated time in the first replication, warm-up included. */
  path: { times: number[]; lengths: Record<string, number[]>; warmupEnd: number };
  /** Wait and sojourn distributions over all replications, as histograms of at most 60 bins. */
  wait: Record<string, HistogramBin[]>;
  sojourn: Record<string, HistogramBin[]>;
}

/** End-to-end figures of one route through a network. */
export interface RouteResult {
  /** Readable route, e.g. `"orders" -> "billing"` or `"work" -> ... -> "check" (20 queues)`; "other routes" pools the rest. */
  route: string;
  /** The queues visited in order (a revisit listed again); null when the path is known only by entry, exit and length (over 16 queues) or pooled. */
  path: string[] | null;
  entry: string | null;
  exit: string | null;
  /** Queues visited (publishes), counting a revisit; null for the pooled rest. */
  visits: number | null;
  /** Messages that completed this route, over all replications after warm-up. */
  messages: number;
  /** Fraction of all completed messages. */
  share: number;
  W: Estimate;
  sojourn: Percentiles;
}

export interface RunResult {
  scenario: string;
  seed: number;
  queues: Record<string, QueueResult>;
  network?: {
    simulated: { W: Estimate; sojourn: Percentiles; served: number; routes: RouteResult[] };
    analytic: Record<string, unknown> | null;
  };
  unstable: UnstableQueue[];
  stopped: null | { reason: "backlog limit" | "event budget" | "time budget"; replication?: number };
  replications: number;
  /** Whether a `run.precision` target was met (present only when one was set). */
  precision?: { target: number; achieved: number; met: boolean };
  warmup: WarmupInfo;
  /** `threads`: how many threads the replications ran on, when more than one (left out for one). */
  runtime: { events: number; wallMs: number; eventsPerSec: number; threads?: number };
  detail?: RunDetail;
}
