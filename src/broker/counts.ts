/** Why a message was dead-lettered, as RabbitMQ's `x-death` reasons name it. */
export type DeadLetterReason = "expired" | "rejected" | "maxlen" | "delivery_limit";

export const DeadLetterCode = { expired: 0, rejected: 1, maxlen: 2, delivery_limit: 3 } as const;
export const deadLetterReasons: readonly DeadLetterReason[] = ["expired", "rejected", "maxlen", "delivery_limit"];

/**
 * A queue's message counters since it was created (or last reset). Every published message ends
 * in exactly one of acked, expired, deadLettered, dropped, or is still in flight:
 * `published = acked + expired + deadLettered + dropped + inFlight`.
 */
export interface QueueCounts {
  /** Publishes into the queue, refused ones included. */
  published: number;
  /** Deliveries to consumers, redeliveries included. */
  delivered: number;
  /** Deliveries of a message that was delivered before (nacked with requeue). */
  redelivered: number;
  acked: number;
  /** Nacks (with or without requeue). */
  nacked: number;
  /** Messages that reached their TTL while ready. */
  expired: number;
  /** Messages dead-lettered for a reason other than expiry (nack without requeue, delivery limit, drop-head). */
  deadLettered: number;
  deadLetteredByReason: Record<Exclude<DeadLetterReason, "expired">, number>;
  /** Publishes refused because the queue was full (reject-publish). */
  dropped: number;
}

export function emptyCounts(): QueueCounts {
  return {
    published: 0, delivered: 0, redelivered: 0, acked: 0, nacked: 0, expired: 0, deadLettered: 0,
    deadLetteredByReason: { rejected: 0, maxlen: 0, delivery_limit: 0 }, dropped: 0,
  };
}
