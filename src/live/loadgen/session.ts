/**
 * What the load generator needs from a broker, so one driver runs RabbitMQ and NATS JetStream
 * alike. A session owns its connections and its queue (or stream).
 */

/** One delivered message, as a consumer sees it. */
export interface Delivery {
  body: Uint8Array;
  /** The broker flagged it as delivered before. */
  redelivered: boolean;
  ack(): void;
  /** Rejects it; `requeue` puts it back at the head of the queue, otherwise it is dead-lettered or discarded. */
  nack(requeue: boolean): void;
}

/** Per-message publish options drawn from the scenario. */
export interface PublishOptions {
  /** The message's sequence number as a string (AMQP message-id, JetStream Nats-Msg-Id). */
  messageId: string;
  /** AMQP priority 0..255 (priority classes); ignored by JetStream. */
  priority?: number;
  /** Per-message TTL, ms (AMQP `expiration`); ignored by JetStream. */
  expirationMs?: number;
}

/** How a publish ended: confirmed by the broker, refused (overflow) or returned unroutable. */
export type PublishOutcome = "confirmed" | "refused" | "returned";

/** How the queue was set up for the scenario's queue. */
export interface QueueSetup {
  consumers: number;
  /** Per-consumer prefetch window (0 = unlimited). */
  prefetch: number;
  /** x-max-length and its overflow rule (fresh queues only). */
  capacity: number | null;
  overflow: "reject-publish" | "drop-head";
  /** Queue-wide TTL (s) when the scenario's TTL is a fixed number. */
  ttlS?: number;
  /** Highest message priority used (priority classes). */
  maxPriority?: number;
  /** Delivery limit (JetStream max_deliver). */
  maxDeliveries?: number;
  /** Longest a consumer may hold a message before the broker redelivers it (JetStream ack_wait), s. */
  ackWaitS: number;
}

/** An open broker session with its queue declared (or checked) and ready to take messages. */
export interface BrokerSession {
  readonly kind: "rabbitmq" | "nats";
  /** Queue (RabbitMQ) or stream (NATS) name. */
  readonly queue: string;
  /** True when this session created the queue (and will delete it). */
  readonly declared: boolean;
  readonly queueType?: string;
  /** Caveats about how the scenario maps onto this broker. */
  readonly notes: string[];
  /** Sends one message; `done` is called once with the outcome, or never if the connection drops first. */
  publish(body: Uint8Array, options: PublishOptions, done: (outcome: PublishOutcome) => void): void;
  /** Resolves when the publisher may send again (socket buffer drained). */
  writable(): Promise<void>;
  /** Starts consumer `index`; deliveries go to `onMessage` in order. */
  startConsumer(index: number, onMessage: (d: Delivery) => void): Promise<void>;
  /** Cancels the consumers; unacked messages return to the queue. */
  stopConsumers(): Promise<void>;
  /**
   * Counts what is left in the queue and, if the session declared it, purges and deletes it.
   * Reconnects once if the connection was lost. `expected` is how many messages should be left
   * (unacked ones return to the queue asynchronously after their channel closes, so the count
   * waits up to a moment for them). Returns null when the broker cannot be asked.
   */
  cleanup(expected: number): Promise<number | null>;
  /** Closes every connection; never throws. */
  close(): Promise<void>;
  /** Called once if a connection drops while the session is open. */
  onDrop(listener: (reason: string) => void): void;
}
