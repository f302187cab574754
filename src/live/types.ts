/**
 * The shapes every live source and estimator shares (DESIGN.md, "Live broker metrics"). Pure
 * types: the page, a worker, the bridge and the CLI all read them.
 */

/** Which kind of endpoint a source reads. */
export type LiveSourceKind = "rabbitmq-api" | "rabbitmq-prometheus" | "nats-jsz" | "prometheus" | "in-browser" | "bridge";

/** Cumulative message counters of one queue (counts since the broker or queue started). */
export interface LiveCounters {
  /** Messages published into the queue. */
  published?: number;
  /** Deliveries to consumers, redeliveries included. */
  delivered?: number;
  /** Acks by consumers. */
  acked?: number;
  /** Deliveries of messages delivered before. */
  redelivered?: number;
  /** Messages that expired, were dead-lettered or refused (where the source counts them). */
  expired?: number;
  deadLettered?: number;
  dropped?: number;
}

/** Point readings of a queue's state (not cumulative). */
export interface LiveGauges {
  /** Messages waiting in the broker, not yet delivered. */
  ready?: number;
  /** Messages delivered and not yet acked. */
  unacked?: number;
  /** Consumers attached (RabbitMQ); NATS does not report it for pull consumers. */
  consumers?: number;
  /** Unacked messages a consumer may hold; 0 = unlimited (auto-ack or basic.qos 0). */
  prefetch?: number;
  /** RabbitMQ's consumer_utilisation / consumer_capacity, in [0, 1]. */
  consumerUtilisation?: number;
  /** NATS pull requests waiting for messages (idle workers). */
  waitingPulls?: number;
}

/** Names of the gauges, for per-gauge timestamps. */
export type LiveGaugeName = keyof LiveGauges;

/** Why a reading failed; codes are stable (the page and the CLI map them to messages and exit codes). */
export type LiveErrorCode =
  | "unreachable" | "timeout" | "unauthorized" | "notFound" | "metricsDisabled" | "malformed"
  | "tooLarge" | "httpError" | "redirect" | "badTarget" | "rateLimited" | "forbidden" | "badRequest" | "unknownTarget";

/** An error a page can show as it is: a stable code and one line of text without credentials. */
export interface LiveError {
  code: LiveErrorCode;
  message: string;
}

/** A value or the error that replaced it; parsers and sources return these, never throw. */
export type LiveResult<T> = { ok: true; value: T } | { ok: false; error: LiveError };

/**
 * One timestamped reading of a queue. Times are milliseconds since the epoch.
 * A failed reading keeps its time and carries `error`; the estimator skips it.
 */
export interface LiveSample {
  /** When the reading was taken (local clock, ms). */
  t: number;
  /**
   * When the counters were true, on the broker's clock (ms), when the broker says so: the
   * RabbitMQ management API refreshes counters every 5 s and stamps each refresh; NATS gives
   * its `now`. Absent: the counters are as of `t`.
   */
  countersAt?: number;
  /** Per gauge, when it was last refreshed by the broker (ms); absent: as of `t`. */
  gaugesAt?: Partial<Record<LiveGaugeName, number>>;
  counters: LiveCounters;
  gauges: LiveGauges;
  /**
   * Exact time-integrals (message-seconds, cumulative) where the source keeps them (the
   * in-browser broker): `at` is the source's time of the integrals in ms.
   */
  integrals?: { at: number; readyS: number; unackedS: number };
  /** Age of the oldest waiting message in seconds, where the broker reports it. */
  oldestAgeS?: number;
  /** Caveats of this reading (stale figures, absent fields), one line each. */
  notes: string[];
  /** Set when the reading failed. */
  error?: LiveError;
}

/** Something that reads a queue's metrics. `sample` never rejects: a failure is a sample with `error`. */
export interface LiveSource {
  readonly kind: LiveSourceKind;
  /** A one-line description without credentials, e.g. `RabbitMQ management API http://127.0.0.1:15672, queue "orders"`. */
  describe(): string;
  sample(signal?: AbortSignal): Promise<LiveSample>;
}

/** Builds a failed result. */
export function liveError<T = never>(code: LiveErrorCode, message: string): LiveResult<T> {
  return { ok: false, error: { code, message } };
}

/** A failed sample at time `t`. */
export function errorSample(t: number, error: LiveError): LiveSample {
  return { t, counters: {}, gauges: {}, notes: [], error };
}
