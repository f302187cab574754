/**
 * The ready messages of one queue, in the order its discipline delivers them. One interface,
 * one implementation per discipline (fifo, lifo, priority, random).
 */
export interface ReadyStore {
  /** Ready messages held. */
  readonly size: number;
  /** Adds a newly published message. */
  push(msg: number): void;
  /** Returns a requeued (nacked) message so it is delivered next, as RabbitMQ requeues to the head. */
  pushHead(msg: number): void;
  /** Removes and returns the next message to deliver, or -1 when empty. */
  shift(): number;
  /** Removes and returns the message `drop-head` overflow discards, or -1 when empty. */
  dropHead(): number;
  /** Removes a message that left the ready state from anywhere in the order (TTL expiry). */
  remove(msg: number): void;
  /** Empties the store. */
  clear(): void;
}

export type Discipline = "fifo" | "lifo" | "priority" | "random";
