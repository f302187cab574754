import { BrokerQueue, type BrokerHost } from "../../../src/broker/brokerQueue.ts";
import { MessageStore } from "../../../src/broker/messageStore.ts";
import { Calendar } from "../../../src/engine/calendar.ts";
import { EventKind, EventPriority } from "../../../src/engine/priorities.ts";
import { createStream } from "../../../src/engine/rng.ts";

/**
 * An M/M/c queue on the in-browser broker's own queue (src/broker) and calendar (src/engine):
 * Poisson arrivals at `lambda`, `consumers` consumers that each work through the messages they
 * hold one at a time (exponential service at `mu`) and ack, with the given prefetch. For testing
 * live estimators against a system whose answers theory knows.
 */
export class MmcBroker implements BrokerHost {
  readonly store = new MessageStore(1024);
  readonly cal = new Calendar(1024);
  readonly queue: BrokerQueue;
  private readonly held: number[][];
  private readonly rng;

  constructor(readonly lambda: number, readonly mu: number, consumers: number, prefetch: number, seed = 1) {
    this.rng = { arrivals: createStream(seed, "arrivals"), service: createStream(seed, "service") };
    this.held = Array.from({ length: consumers }, () => []);
    this.queue = new BrokerQueue(0, "q", { consumers, prefetch, capacity: null, overflow: "reject-publish", discipline: "fifo", ttl: null, maxDeliveries: 0 }, this.store, this);
    this.cal.schedule(this.exp(lambda, "arrivals"), EventPriority.arrival, EventKind.arrival, 0, 0);
  }

  /** The current simulated time (s). */
  get now(): number {
    return this.cal.time;
  }

  /** Runs every event up to time `t` (s) and leaves the clock at `t`. */
  runUntil(t: number): void {
    while (this.cal.peekTime() <= t && this.cal.pop()) {
      const now = this.cal.time;
      if (this.cal.kind === EventKind.arrival) {
        this.queue.publish(this.store.alloc(now), now);
        this.cal.schedule(now + this.exp(this.lambda, "arrivals"), EventPriority.arrival, EventKind.arrival, 0, 0);
      } else this.complete(this.cal.b, this.cal.a, now);
    }
    this.cal.time = t;
  }

  deliver(_q: BrokerQueue, consumer: number, msg: number): void {
    const h = this.held[consumer]!;
    h.push(msg);
    if (h.length === 1) this.start(consumer, msg, this.cal.time);
  }

  deadLetter(_q: BrokerQueue, msg: number): void {
    this.store.free(msg);
  }

  setTimer(): number {
    return -1;
  }

  cancelTimer(): void {}

  private start(consumer: number, msg: number, t: number): void {
    this.cal.schedule(t + this.exp(this.mu, "service"), EventPriority.complete, EventKind.complete, msg, consumer);
  }

  private complete(consumer: number, msg: number, t: number): void {
    const h = this.held[consumer]!;
    h.shift();
    const next = h[0]; // held already; one delivered by this ack starts in deliver()
    this.queue.ack(consumer, msg, t);
    this.store.free(msg);
    if (next !== undefined) this.start(consumer, next, t);
  }

  private exp(rate: number, stream: "arrivals" | "service"): number {
    return -Math.log(1 - this.rng[stream]()) / rate;
  }
}
