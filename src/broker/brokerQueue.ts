import type { RandomSource } from "../engine/random/types.ts";
import { DeadLetterCode, emptyCounts, type QueueCounts } from "./counts.ts";
import { MessageState, type MessageStore } from "./messageStore.ts";
import { fifoStore } from "./ready/fifo.ts";
import { lifoStore } from "./ready/lifo.ts";
import { priorityStore } from "./ready/priority.ts";
import { randomStore } from "./ready/random.ts";
import type { Discipline, ReadyStore } from "./ready/readyStore.ts";

/**
 * What a queue needs from its surroundings: a place to hand deliveries and dead letters, and
 * timers. The simulation implements it on the event calendar; the real-time broker on wall time.
 */
export interface BrokerHost {
  /** A message was delivered to `consumer` (-2: the anonymous consumer of an unlimited queue). */
  deliver(queue: BrokerQueue, consumer: number, msg: number): void;
  /** A message left the queue dead-lettered; `reason` is a DeadLetterCode. The host routes it on or lets it leave. */
  deadLetter(queue: BrokerQueue, msg: number, reason: number): void;
  /** Arms a timer that must call `queue.expire(msg, at)` at time `at` (s); returns a handle. */
  setTimer(queue: BrokerQueue, msg: number, at: number): number;
  cancelTimer(handle: number): void;
}

export interface BrokerQueueOptions {
  /** Consumers attached (integer >= 0; 0 for a delay queue), or Infinity: every message is delivered at once. */
  consumers: number;
  /** Unacked messages a consumer may hold; 0 = unlimited (RabbitMQ's basic.qos 0). */
  prefetch: number;
  /** Max ready messages (x-max-length counts ready only); null = unbounded. */
  capacity: number | null;
  overflow: "reject-publish" | "drop-head";
  discipline: Discipline;
  /** For `priority`: the level of each class, 0 = highest, and the number of levels. */
  levelOfClass?: ArrayLike<number>;
  levels?: number;
  /** For `random` order. */
  orderRandom?: RandomSource;
  /** Draws a message's TTL (s) when it enters the ready state; null = no TTL. */
  ttl: (() => number) | null;
  /** Deliveries after which a nacked message is dead-lettered (quorum queue delivery-limit); 0 = none. */
  maxDeliveries: number;
  /**
   * The clock (the simulation's event calendar) that every method reads when its `now` is left
   * out. The simulation leaves it out: a time passed to a call V8 does not inline costs an
   * allocation (a boxed double) per message.
   */
  clock?: { readonly time: number };
}

/** Result of `publish`. */
export const PublishOutcome = { delivered: 0, queued: 1, refused: 2, deadLettered: 3 } as const;

// Module constants for the hot path (a property read of an imported object per message costs time).
const DELIVERED = PublishOutcome.delivered;
const QUEUED = PublishOutcome.queued;
const REFUSED = PublishOutcome.refused;
const READY = MessageState.ready;
const UNACKED = MessageState.unacked;
const DL_MAXLEN = DeadLetterCode.maxlen;
const DL_REJECTED = DeadLetterCode.rejected;
const DL_LIMIT = DeadLetterCode.delivery_limit;
const DL_EXPIRED = DeadLetterCode.expired;

/**
 * One message queue with RabbitMQ's semantics: publish (with x-max-length overflow), delivery to
 * consumers in round-robin order within their prefetch window, ack, nack with or without
 * requeue (requeued to the head, flagged redelivered), a delivery limit, per-message TTL and
 * dead-lettering. Time is passed in by the caller (`now`, seconds), so the same code serves the
 * simulation and the real-time in-browser broker.
 */
export class BrokerQueue {
  readonly counts: QueueCounts = emptyCounts();
  /** Messages delivered and not yet acked or nacked. */
  unacked = 0;
  /** Time-integrals since `resetAreas` (message-seconds): ready, unacked; and seconds with a consumer able to take a message. */
  readyArea = 0;
  unackedArea = 0;
  creditArea = 0;
  areaStart = 0;

  private readonly ready: ReadyStore;
  private readonly unlimited: boolean;
  private readonly unackedOf: Int32Array;
  private readonly inCredit: Uint8Array;
  private readonly creditRing: Int32Array; // consumers able to take a message, round-robin order
  private creditHead = 0;
  private creditCount = 0;
  private lastT = 0;
  private readonly clock: { readonly time: number };

  constructor(
    readonly index: number,
    readonly id: string,
    readonly options: BrokerQueueOptions,
    private readonly store: MessageStore,
    private readonly host: BrokerHost,
  ) {
    const o = options;
    this.unlimited = o.consumers === Infinity;
    const c = this.unlimited ? 0 : o.consumers;
    // 0 consumers is a parking or delay queue: messages leave only by TTL (the retry pattern).
    if (!this.unlimited && !(Number.isInteger(c) && c >= 0)) throw new RangeError(`queue ${JSON.stringify(id)}: invalid consumers: ${c} (must be an integer >= 0)`);
    this.unackedOf = new Int32Array(c);
    this.inCredit = new Uint8Array(c).fill(1);
    this.creditRing = new Int32Array(c);
    for (let i = 0; i < c; i++) this.creditRing[i] = i;
    this.creditCount = c;
    this.ready = makeReadyStore(o, store);
    this.clock = o.clock ?? noClock;
  }

  /** Messages in the ready state. */
  get readyCount(): number {
    return this.ready.size;
  }

  /** Consumers that could take a message now (RabbitMQ's consumer capacity, as a count). */
  get consumersWithCredit(): number {
    return this.unlimited ? Infinity : this.creditCount;
  }

  /** Messages held by `consumer`, delivered and not yet acked. */
  unackedBy(consumer: number): number {
    return this.unackedOf[consumer] ?? 0;
  }

  /** Brings the time-integrals up to `now`. Every mutating method calls it first. */
  advance(now: number): void {
    const dt = now - this.lastT;
    if (dt > 0) {
      this.readyArea += this.ready.size * dt;
      this.unackedArea += this.unacked * dt;
      if (this.creditCount > 0 || this.unlimited) this.creditArea += dt;
      this.lastT = now;
    }
  }

  /** Restarts the time-integrals at `now` (end of warm-up). Counts are kept. */
  resetAreas(now: number): void {
    this.advance(now);
    this.readyArea = this.unackedArea = this.creditArea = 0;
    this.areaStart = now;
  }

  /**
   * Publishes `msg` at `now` (default: the clock's time). Returns a PublishOutcome; on `refused` the caller owns the message
   * again. `keepDeliveries` carries the delivery count over (a dead-lettered message coming back,
   * as RabbitMQ's x-death count does), so a delivery limit spans a retry loop.
   */
  publish(msg: number, now = this.clock.time, keepDeliveries = false): number {
    this.advance(now);
    const s = this.store;
    this.counts.published++;
    s.queue[msg] = this.index;
    s.enqueuedAt[msg] = now;
    if (!keepDeliveries) s.deliveries[msg] = 0;
    s.deliveriesAtEntry[msg] = s.deliveries[msg]!;
    s.serviceStartAt[msg] = -1;
    if (this.creditCount > 0 && this.ready.size === 0) {
      this.deliverTo(this.nextConsumer(), msg);
      return DELIVERED;
    }
    if (this.unlimited) {
      this.deliverTo(-2, msg);
      return DELIVERED;
    }
    const cap = this.options.capacity;
    if (cap !== null && this.ready.size >= cap) {
      if (this.options.overflow === "reject-publish") {
        this.counts.dropped++;
        s.queue[msg] = -1;
        return REFUSED;
      }
      if (cap === 0) {
        this.deadLetter(msg, DL_MAXLEN);
        return PublishOutcome.deadLettered;
      }
      const old = this.ready.dropHead();
      this.leaveReady(old);
      this.deadLetter(old, DL_MAXLEN);
    }
    this.enterReady(msg, now + (this.options.ttl ? this.options.ttl() : Infinity));
    this.ready.push(msg);
    return QUEUED;
  }

  /** `consumer` acks `msg`; frees its prefetch slot and delivers waiting messages. */
  ack(consumer: number, msg: number, now = this.clock.time): void {
    this.advance(now);
    this.settle(consumer, msg);
    this.counts.acked++;
    this.drain();
  }

  /**
   * `consumer` rejects `msg`. With `requeue` it returns to the head of the queue (redelivered
   * next), unless it has reached the delivery limit; without, it is dead-lettered (`rejected`).
   */
  nack(consumer: number, msg: number, requeue: boolean, now = this.clock.time): void {
    this.advance(now);
    this.settle(consumer, msg);
    this.counts.nacked++;
    const limit = this.options.maxDeliveries;
    if (limit > 0 && this.store.deliveries[msg]! >= limit) this.deadLetter(msg, DL_LIMIT);
    else if (!requeue) this.deadLetter(msg, DL_REJECTED);
    else {
      // A requeued message keeps the expiry it was given on publish (per-message TTL counts from publish).
      this.enterReady(msg, Math.max(now, this.store.expiresAt[msg]!));
      this.ready.pushHead(msg);
    }
    this.drain();
  }

  /**
   * Takes `msg` back from `consumer` without a nack (preemptive-resume priority, a theory
   * mode): it returns to the head of its priority level, not counted as redelivered, and the
   * freed consumer is offered the highest-priority ready message.
   */
  preempt(consumer: number, msg: number, now = this.clock.time): void {
    this.advance(now);
    this.settle(consumer, msg);
    this.store.deliveries[msg]!--;
    this.counts.delivered--;
    this.enterReady(msg, Math.max(now, this.store.expiresAt[msg]!));
    this.ready.pushHead(msg);
    this.drain();
  }

  /** The TTL timer of a ready message fired at `now`: it expires and is dead-lettered. */
  expire(msg: number, now = this.clock.time): void {
    const s = this.store;
    if (s.state[msg] !== READY || s.queue[msg] !== this.index) return;
    this.advance(now);
    s.timer[msg] = -1;
    this.ready.remove(msg);
    this.counts.expired++;
    this.host.deadLetter(this, msg, DL_EXPIRED);
  }

  /** Empties the queue without dead-lettering (a new replication); counts and areas restart. */
  reset(): void {
    this.ready.clear();
    this.unacked = 0;
    Object.assign(this.counts, emptyCounts());
    this.readyArea = this.unackedArea = this.creditArea = 0;
    this.areaStart = this.lastT = 0;
    const c = this.unackedOf.length;
    this.unackedOf.fill(0);
    this.inCredit.fill(1);
    for (let i = 0; i < c; i++) this.creditRing[i] = i;
    this.creditHead = 0;
    this.creditCount = c;
  }

  private settle(consumer: number, msg: number): void {
    this.unacked--;
    this.store.consumer[msg] = -1;
    if (consumer < 0) return;
    this.unackedOf[consumer]!--;
    if (this.inCredit[consumer] === 0) this.addCredit(consumer);
  }

  private drain(): void {
    while (this.creditCount > 0 && this.ready.size > 0) {
      const msg = this.ready.shift();
      this.leaveReady(msg);
      this.deliverTo(this.nextConsumer(), msg);
    }
  }

  private nextConsumer(): number {
    const ring = this.creditRing;
    const n = ring.length;
    const c = ring[this.creditHead]!;
    this.creditHead = this.creditHead + 1 === n ? 0 : this.creditHead + 1;
    this.creditCount--;
    const prefetch = this.options.prefetch;
    if (prefetch === 0 || this.unackedOf[c]! + 1 < prefetch) this.addCredit(c);
    else this.inCredit[c] = 0;
    return c;
  }

  private addCredit(c: number): void {
    const n = this.creditRing.length;
    let tail = this.creditHead + this.creditCount;
    if (tail >= n) tail -= n;
    this.creditRing[tail] = c;
    this.creditCount++;
    this.inCredit[c] = 1;
  }

  private deliverTo(consumer: number, msg: number): void {
    const s = this.store;
    s.state[msg] = UNACKED;
    s.consumer[msg] = consumer;
    // Redelivered means delivered before in this queue (RabbitMQ's flag); a dead-lettered message
    // arriving from another queue is a first delivery here, though its count carries on.
    const d = ++s.deliveries[msg]!;
    this.counts.delivered++;
    if (d > s.deliveriesAtEntry[msg]! + 1) this.counts.redelivered++;
    this.unacked++;
    if (consumer >= 0) this.unackedOf[consumer]!++;
    this.host.deliver(this, consumer, msg);
  }

  private enterReady(msg: number, expiresAt: number): void {
    const s = this.store;
    s.state[msg] = READY;
    s.expiresAt[msg] = expiresAt;
    s.timer[msg] = expiresAt === Infinity ? -1 : this.host.setTimer(this, msg, expiresAt);
  }

  private leaveReady(msg: number): void {
    const s = this.store;
    const t = s.timer[msg]!;
    if (t >= 0) {
      this.host.cancelTimer(t);
      s.timer[msg] = -1;
    }
  }

  private deadLetter(msg: number, reason: number): void {
    this.counts.deadLettered++;
    const r = this.counts.deadLetteredByReason;
    if (reason === DL_MAXLEN) r.maxlen++;
    else if (reason === DL_REJECTED) r.rejected++;
    else r.delivery_limit++;
    this.host.deadLetter(this, msg, reason);
  }
}

/** The clock of a queue given none: a time must then be passed to every call. */
const noClock = {
  get time(): number {
    throw new TypeError("BrokerQueue: no time given and no clock in the options");
  },
};

function makeReadyStore(o: BrokerQueueOptions, store: MessageStore): ReadyStore {
  switch (o.discipline) {
    case "fifo": return fifoStore(store);
    case "lifo": return lifoStore(store);
    case "random":
      if (!o.orderRandom) throw new TypeError("random order needs orderRandom");
      return randomStore(store, o.orderRandom);
    case "priority":
      if (!o.levelOfClass || !o.levels) throw new TypeError("priority order needs levelOfClass and levels");
      return priorityStore(store, o.levelOfClass, o.levels);
  }
}
