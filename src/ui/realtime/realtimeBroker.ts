import { BrokerQueue, PublishOutcome, type BrokerHost } from "../../broker/brokerQueue.ts";
import { MessageStore } from "../../broker/messageStore.ts";
import { createArrivalProcess, type ArrivalProcess } from "../../engine/arrivals/index.ts";
import { Calendar } from "../../engine/calendar.ts";
import { EventKind, EventPriority } from "../../engine/priorities.ts";
import { createStream, streamName } from "../../engine/rng.ts";
import type { RandomSource } from "../../engine/random/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { compileScenario, offeredLoad, type CompiledQueue } from "../../simulation/index.ts";
import { ConsumerPool } from "../../simulation/consumers.ts";
import { RateWindow, type LiveMetrics } from "./liveMetrics.ts";
import type { WallClock } from "./wallClock.ts";

/** Something that happened to a message, kept briefly for the animation. */
export interface FlowEvent {
  kind: "publish" | "ack" | "deadLetter" | "drop";
  msg: number;
  /** Consumer that acked it (-1 otherwise). */
  consumer: number;
  /** Simulated time (s). */
  t: number;
}

/** Largest backlog the page holds; beyond it arrivals stop and the run halts. */
export const realtimeBacklogLimit = 20_000;
const maxEventsPerTick = 50_000;
const recentKept = 300;

/**
 * One queue of a scenario run by the broker code itself (src/broker) at wall-clock speed: a
 * `BrokerHost` whose timers are kept on a calendar that advances with a `WallClock`, consumers
 * that work on each delivery for a sampled service time and then ack (or nack on a failure).
 * Random streams are those of replication 0 of the simulation, so the same seed gives the same
 * arrivals. Routes and dead letters leave the system here; a queue fed only by routes gets
 * Poisson arrivals at its routed rate.
 */
export class RealtimeBroker implements BrokerHost {
  readonly store = new MessageStore(256);
  readonly queue: BrokerQueue;
  readonly spec: CompiledQueue;
  readonly recent: FlowEvent[] = [];
  /** Mean rate of the arrivals into this queue (msg/s). */
  readonly arrivalRate: number;
  /** Why the run stopped by itself, or null. */
  halted: string | null = null;
  private readonly cal = new Calendar(256);
  private readonly pool: ConsumerPool;
  private readonly arrivals: ArrivalProcess | null;
  private readonly rng: { service: RandomSource; failure: RandomSource; cls: RandomSource };
  private readonly rates = new RateWindow(10);

  constructor(scenario: Scenario, queueId: string, readonly clock: WallClock) {
    const compiled = compileScenario(scenario);
    const spec = compiled.find((q) => q.id === queueId);
    if (!spec) throw new RangeError(`no queue ${JSON.stringify(queueId)} in the scenario`);
    this.spec = spec;
    const stream = (role: string) => createStream(scenario.seed, streamName(0, role, queueId));
    this.rng = { service: stream("service"), failure: stream("failure"), cls: stream("class") };
    const ttlRng = stream("ttl");
    this.queue = new BrokerQueue(0, queueId, {
      consumers: spec.servers,
      prefetch: spec.spec.prefetch,
      capacity: spec.spec.capacity,
      overflow: spec.spec.overflow,
      discipline: spec.spec.discipline,
      levelOfClass: spec.levelOfClass,
      levels: spec.levels,
      orderRandom: stream("order"),
      ttl: spec.ttl ? () => spec.ttl!.sample(ttlRng) : null,
      maxDeliveries: spec.maxDeliveries,
    }, this.store, this);
    this.pool = new ConsumerPool(spec.servers, spec.spec.prefetch, this.store);
    const routed = offeredLoad(scenario, compiled)[spec.index]!.lambda;
    const arrival = spec.spec.arrival ?? (routed > 0 ? { process: "poisson" as const, rate: routed } : null);
    this.arrivals = arrival ? createArrivalProcess(arrival, stream("arrivals")) : null;
    this.arrivalRate = this.arrivals?.meanRate ?? 0;
    const first = this.arrivals?.next() ?? Infinity;
    if (first < Infinity) this.cal.schedule(first, EventPriority.arrival, EventKind.arrival, 0, 0);
  }

  /** Runs every event due by the clock's time; returns how many ran. */
  tick(): number {
    const now = this.clock.now();
    let n = 0;
    while (!this.halted && this.cal.peekTime() <= now && n < maxEventsPerTick && this.cal.pop()) {
      const t = this.cal.time;
      if (this.cal.kind === EventKind.arrival) this.onArrival(t);
      else if (this.cal.kind === EventKind.complete) this.onComplete(this.cal.a, this.cal.b, t);
      else this.queue.expire(this.cal.a, t);
      n++;
    }
    const c = this.queue.counts;
    this.rates.add(now, c.published, c.delivered, c.acked);
    return n;
  }

  /** The figures a live view reads (see LiveMetrics). */
  metrics(): LiveMetrics {
    const c = this.queue.counts;
    const r = this.rates.rates();
    return {
      queueId: this.queue.id,
      timeS: this.clock.now(),
      publishRatePerS: r.publish,
      deliverRatePerS: r.deliver,
      ackRatePerS: r.ack,
      windowS: this.rates.windowS,
      ready: this.queue.readyCount,
      unacked: this.queue.unacked,
      consumers: this.spec.servers === Infinity ? "unlimited" : this.spec.servers,
      busyConsumers: this.spec.servers === Infinity ? this.queue.unacked : this.pool.inService.reduce((n, m) => n + (m >= 0 ? 1 : 0), 0),
      prefetch: this.spec.spec.prefetch,
      published: c.published,
      acked: c.acked,
      redelivered: c.redelivered,
      expired: c.expired,
      deadLettered: c.deadLettered,
      dropped: c.dropped,
    };
  }

  /** Message in service at consumer `c` (-1 idle) and the fraction of its service done. */
  service(c: number): { msg: number; done: number } {
    const msg = this.pool.inService[c] ?? -1;
    if (msg < 0) return { msg, done: 0 };
    const demand = this.store.serviceDemand[msg]!;
    const done = demand > 0 ? (this.clock.now() - this.store.serviceStartAt[msg]!) / demand : 1;
    return { msg, done: Math.min(1, Math.max(0, done)) };
  }

  // --- BrokerHost ---------------------------------------------------------------------------

  deliver(_queue: BrokerQueue, consumer: number, msg: number): void {
    if (this.pool.offer(consumer, msg)) this.startService(consumer, msg, this.cal.time);
  }

  deadLetter(_queue: BrokerQueue, msg: number, _reason: number): void {
    this.note("deadLetter", msg, -1);
    this.store.free(msg);
  }

  setTimer(_queue: BrokerQueue, msg: number, at: number): number {
    return this.cal.schedule(at, EventPriority.expire, EventKind.expire, msg, 0);
  }

  cancelTimer(handle: number): void {
    this.cal.cancel(handle);
  }

  // --- events -------------------------------------------------------------------------------

  private onArrival(t: number) {
    const process = this.arrivals!;
    for (let k = process.batchSize; k > 0; k--) this.publish(t);
    if (this.queue.readyCount >= realtimeBacklogLimit) {
      this.halted = `the backlog passed ${realtimeBacklogLimit.toLocaleString("en-US")} messages`;
      return;
    }
    const next = process.next();
    if (next < Infinity) this.cal.schedule(next, EventPriority.arrival, EventKind.arrival, 0, 0);
  }

  private publish(t: number) {
    const msg = this.store.alloc(t);
    const shares = this.spec.classCumShare;
    if (shares.length > 1) {
      const u = this.rng.cls();
      let k = 0;
      while (k < shares.length - 1 && u >= shares[k]!) k++;
      this.store.cls[msg] = k;
    }
    this.note("publish", msg, -1);
    if (this.queue.publish(msg, t) === PublishOutcome.refused) {
      this.note("drop", msg, -1);
      this.store.free(msg);
    }
  }

  private startService(consumer: number, msg: number, t: number) {
    if (consumer >= 0) this.pool.inService[consumer] = msg;
    const s = this.store;
    const duration = this.spec.service[s.cls[msg]!]!.sample(this.rng.service);
    s.serviceDemand[msg] = duration;
    s.serviceStartAt[msg] = t;
    this.cal.schedule(t + duration, EventPriority.complete, EventKind.complete, msg, consumer);
  }

  private onComplete(msg: number, consumer: number, t: number) {
    const next = this.pool.finish(consumer);
    if (next >= 0) this.startService(consumer, next, t);
    if (this.spec.failureP > 0 && this.rng.failure() < this.spec.failureP) {
      this.queue.nack(consumer, msg, this.spec.requeue, t);
      return;
    }
    this.queue.ack(consumer, msg, t);
    this.note("ack", msg, consumer);
    this.store.free(msg);
  }

  private note(kind: FlowEvent["kind"], msg: number, consumer: number) {
    this.recent.push({ kind, msg, consumer, t: this.cal.time });
    if (this.recent.length > recentKept) this.recent.splice(0, this.recent.length - recentKept);
  }
}
