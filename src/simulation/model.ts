import { BrokerQueue, PublishOutcome, type BrokerHost } from "../broker/brokerQueue.ts";
import { DeadLetterCode, deadLetterReasons } from "../broker/counts.ts";
import { Calendar } from "../engine/calendar.ts";
import { EventKind, EventPriority } from "../engine/priorities.ts";
import type { RandomSource } from "../engine/random/types.ts";
import type { CompiledQueue } from "./compile.ts";
import { ConsumerPool } from "./consumers.ts";
import { Families } from "./families.ts";
import { ReplicationBase } from "./replicationBase.ts";

/** How one replication ends and what it records. */
export interface ReplicationPlan {
  seed: number;
  replication: number;
  /** Departures (messages leaving the system) before statistics start; or a warm-up time. */
  warmupMessages: number;
  warmupDuration: number;
  /** Departures after warm-up at which the run ends (Infinity: run by duration). */
  messages: number;
  /** Simulated seconds after warm-up at which the run ends (Infinity: run by messages). */
  duration: number;
  backlogLimit: number;
  eventBudget: number;
  /** Wall-clock budget: a clock in ms and a limit; the core never reads a clock itself. */
  clock?: () => number;
  timeBudgetMs?: number;
  /** Record the departures' sojourn times in batches of 5 for MSER warm-up detection. */
  recordWarmupSeries?: boolean;
  /**
   * A pilot run for the warm-up: it measures nothing (warm-up never ends), records the warm-up
   * series, and stops after this many departures or this much simulated time.
   */
  pilot?: { messages: number; duration: number };
  /** Departures per batch unit for batch-means intervals (0: none). */
  batchEvery?: number;
  /** Record each queue's length over time every this many simulated seconds (0: none). */
  pathInterval?: number;
  /** Receives every event of the replication (publish, deliver, start, ack, nack, expire, dead-letter, leave): small runs only. */
  trace?: (e: TraceEvent) => void;
  /** Called with the fraction done, every 2^16 events. */
  onProgress?: (fraction: number) => void;
}

/** One line of a trace: what happened to which message, where and when. */
export interface TraceEvent {
  t: number;
  event: "publish" | "refused" | "deliver" | "start" | "ack" | "nack" | "requeue" | "expire" | "dead-letter" | "leave";
  msg: number;
  queue?: string;
  consumer?: number;
  /** Dead-letter reason, or whether a message that left was served. */
  detail?: string;
}

export type StopReason = "backlog limit" | "event budget" | "time budget";

// Module constants: a property read of an imported object on every event costs measurable time.
const K_ARRIVAL = EventKind.arrival;
const K_COMPLETE = EventKind.complete;
const K_EXPIRE = EventKind.expire;
const K_CONTROL = EventKind.control;
const K_DEADLETTER = EventKind.deadLetter;
const P_ARRIVAL = EventPriority.arrival;
const P_COMPLETE = EventPriority.complete;
const P_EXPIRE = EventPriority.expire;
const P_CONTROL = EventPriority.control;
const P_DEADLETTER = EventPriority.deadLetter;

const REFUSED = PublishOutcome.refused;
const DL_LIMIT = DeadLetterCode.delivery_limit;
const DL_REJECTED = DeadLetterCode.rejected;
const DL_MAXLEN = DeadLetterCode.maxlen;
const QUEUED = PublishOutcome.queued;

const LEAVE_SERVED = 0;
const LEAVE_LOST = 1;

/**
 * A scenario's network of broker queues driven by the event calendar: arrivals publish into
 * src/broker queues, deliveries start consumer work, completions ack or nack, acks route on.
 * One instance runs one replication.
 */
export class NetworkModel extends ReplicationBase implements BrokerHost {
  readonly cal = new Calendar(256);
  readonly brokers: BrokerQueue[];
  readonly pools: ConsumerPool[];
  /** Receives every broker event of this replication, when a trace is asked for. */
  private readonly trace: ((e: TraceEvent) => void) | null;

  private readonly failRng: RandomSource[];
  private readonly classRng: RandomSource[];
  /** Queues with preemptive-resume priority (a theory mode, prefetch 1). */
  private readonly preemptive: boolean[];
  private readonly families = new Families();

  constructor(queues: CompiledQueue[], plan: ReplicationPlan) {
    super(queues, plan);
    const stream = (role: string, q: CompiledQueue) => this.stream(role, q);
    this.failRng = queues.map((q) => stream("failure", q));
    this.classRng = queues.map((q) => stream("class", q));
    this.pools = queues.map((q) => new ConsumerPool(q.servers, q.spec.prefetch, this.store));
    this.brokers = queues.map((q) => {
      const ttlRng = stream("ttl", q);
      const ttl = q.ttl;
      return new BrokerQueue(q.index, q.id, {
        consumers: q.servers,
        prefetch: q.spec.prefetch,
        capacity: q.spec.capacity,
        overflow: q.spec.overflow,
        discipline: q.spec.discipline,
        levelOfClass: q.levelOfClass,
        levels: q.levels,
        orderRandom: stream("order", q),
        ttl: ttl ? () => ttl.sample(ttlRng) : null,
        maxDeliveries: q.maxDeliveries,
        clock: this.cal,
      }, this.store, this);
    });
    this.trace = plan.trace ?? null;
    this.preemptive = queues.map((q) => q.spec.preemptive === true && q.classNames.length > 1 && q.spec.prefetch === 1 && q.servers !== Infinity);
  }

  /** Runs the replication to its end. */
  run(): void {
    const cal = this.cal;
    for (let i = 0; i < this.arrivals.length; i++) {
      const t = this.arrivals[i]?.next() ?? Infinity;
      if (t < Infinity) cal.schedule(t, P_ARRIVAL, K_ARRIVAL, i, 0);
    }
    this.begin();
    const path = this.path;
    const lengthOf = (q: number) => this.brokers[q]!.readyCount + this.brokers[q]!.unacked;
    while (!this.done && cal.pop()) {
      if (path !== null && cal.time >= path.next) path.record(cal.time, lengthOf);
      switch (cal.kind) {
        case K_ARRIVAL: this.onArrival(cal.a); break;
        case K_COMPLETE: this.onComplete(cal.a, cal.b); break;
        case K_EXPIRE: this.onExpire(cal.a, cal.b); break;
        case K_DEADLETTER: this.publishInto(cal.b, cal.a, true); break;
        default: this.onControl(cal.a);
      }
      this.counted();
    }
    this.finish(cal);
  }

  /** The simulation clock (s). */
  get now(): number {
    return this.cal.time;
  }

  protected scheduleControl(at: number, what: number): void {
    this.cal.schedule(at, P_CONTROL, K_CONTROL, what, 0);
  }

  // --- BrokerHost ---------------------------------------------------------------------------

  deliver(queue: BrokerQueue, consumer: number, msg: number): void {
    if (this.trace) this.emit("deliver", msg, queue.index, consumer, this.store.deliveries[msg]! > this.store.deliveriesAtEntry[msg]! + 1 ? "redelivered" : undefined);
    if (this.pools[queue.index]!.offer(consumer, msg)) this.startService(queue.index, consumer, msg);
  }

  deadLetter(queue: BrokerQueue, msg: number, reason: number): void {
    const q = this.queues[queue.index]!;
    if (this.trace) this.emit("dead-letter", msg, queue.index, undefined, deadLetterReasons[reason]);
    if (reason === DL_MAXLEN && this.warm) this.stats[queue.index]!.overflowed++;
    // With requeue false the dead-letter target is where retries go; a message that reached the
    // delivery limit has used up its retries and leaves instead (see README, "Retries").
    const exhausted = reason === DL_LIMIT && !q.requeue;
    // RabbitMQ drops a message that goes round a dead-letter cycle with no rejection on the way.
    // More automatic hops than there are queues must have revisited one: the message is dropped.
    const hops = reason === DL_REJECTED ? 0 : this.store.autoHops[msg]! + 1;
    this.store.autoHops[msg] = hops;
    if (q.deadLetter < 0 || exhausted || hops > this.queues.length) {
      this.leave(msg, LEAVE_LOST);
      return;
    }
    // Republished as its own event: a chain of dead letters (drop-head into a full queue that
    // dead-letters to itself) then advances one hop per event, under the event budget, never
    // as a recursion inside one event.
    this.cal.schedule(this.cal.time, P_DEADLETTER, K_DEADLETTER, msg, q.deadLetter);
  }

  setTimer(queue: BrokerQueue, msg: number, at: number): number {
    return this.cal.schedule(at, P_EXPIRE, K_EXPIRE, msg, queue.index);
  }

  cancelTimer(handle: number): void {
    this.cal.cancel(handle);
  }

  // --- events -------------------------------------------------------------------------------

  private onArrival(q: number): void {
    const process = this.arrivals[q]!;
    const now = this.cal.time;
    const s = this.store;
    for (let k = process.batchSize; k > 0; k--) {
      // Times are written here, not passed: a double passed to a call V8 does not inline is boxed.
      const msg = s.alloc();
      s.bornAt[msg] = now;
      s.enqueuedAt[msg] = now;
      this.publishInto(q, msg);
    }
    const next = process.next();
    if (next < Infinity) this.cal.schedule(next, P_ARRIVAL, K_ARRIVAL, q, 0);
  }

  private onComplete(q: number, msg: number): void {
    const now = this.cal.time;
    const s = this.store;
    const st = this.stats[q]!;
    const spec = this.queues[q]!;
    st.advance(now);
    st.busy--;
    const consumer = s.consumer[msg]!;
    const next = this.pools[q]!.finish(consumer);
    if (next >= 0) this.startService(q, consumer, next);
    const broker = this.brokers[q]!;
    if (spec.failureP > 0 && this.failRng[q]!() < spec.failureP) {
      if (this.trace) this.emit(spec.requeue ? "requeue" : "nack", msg, q, consumer);
      broker.nack(consumer, msg, spec.requeue);
      return;
    }
    const enq = s.enqueuedAt[msg]!;
    if (this.warm) st.recordServed(now - enq, s.serviceStartAt[msg]! - enq, s.cls[msg]!);
    if (this.trace) this.emit("ack", msg, q, consumer);
    broker.ack(consumer, msg);
    this.route(spec, msg);
  }

  private onExpire(msg: number, q: number): void {
    if (this.warm) this.stats[q]!.expired++;
    if (this.trace) this.emit("expire", msg, q);
    this.brokers[q]!.expire(msg);
  }

  // --- message flow -------------------------------------------------------------------------

  private startService(q: number, consumer: number, msg: number): void {
    const now = this.cal.time;
    const s = this.store;
    const st = this.stats[q]!;
    st.advance(now);
    st.busy++;
    if (consumer >= 0) this.pools[q]!.inService[consumer] = msg;
    const left = s.serviceLeft[msg]!;
    let duration: number;
    if (left > 0) {
      // Resuming after a preemption: the start is set back by the service already received,
      // so that Wq = W - (service time) holds for preempted messages too.
      duration = left;
      s.serviceLeft[msg] = 0;
      s.serviceStartAt[msg] = now - (s.serviceDemand[msg]! - left);
    } else {
      duration = this.queues[q]!.service[s.cls[msg]!]!.sample(this.serviceRng[q]!);
      s.serviceDemand[msg] = duration;
      s.serviceStartAt[msg] = now;
    }
    if (this.trace) this.emit("start", msg, q, consumer, String(duration));
    const handle = this.cal.schedule(now + duration, P_COMPLETE, K_COMPLETE, q, msg);
    if (this.preemptive[q]) s.timer[msg] = handle;
  }

  /** Preemptive-resume: a newly queued `msg` takes the consumer of the lowest-priority message in service, if that is lower than its own. */
  private preemptFor(q: number, msg: number): void {
    const s = this.store;
    const level = this.queues[q]!.levelOfClass;
    const inService = this.pools[q]!.inService;
    let victim = -1;
    let consumer = -1;
    for (let c = 0; c < inService.length; c++) {
      const m = inService[c]!;
      if (m >= 0 && level[s.cls[m]!]! > level[s.cls[msg]!]! && (victim < 0 || level[s.cls[m]!]! > level[s.cls[victim]!]!)) {
        victim = m;
        consumer = c;
      }
    }
    if (victim < 0) return;
    const now = this.cal.time;
    this.cal.cancel(s.timer[victim]!);
    s.serviceLeft[victim] = s.serviceStartAt[victim]! + s.serviceDemand[victim]! - now;
    const st = this.stats[q]!;
    st.advance(now);
    st.busy--;
    inService[consumer] = -1;
    this.brokers[q]!.preempt(consumer, victim);
  }

  private publishInto(q: number, msg: number, deadLettered = false): void {
    const spec = this.queues[q]!;
    const s = this.store;
    if (spec.classNames.length > 0) s.cls[msg] = pickCumulative(spec.classCumShare, this.classRng[q]!());
    else s.cls[msg] = 0;
    const st = this.stats[q]!;
    if (this.warm) st.published++;
    const broker = this.brokers[q]!;
    if (this.hasNetwork) {
      if (s.visits[msg]!++ === 0) s.entry[msg] = q;
      s.pathNode[msg] = this.routes!.tree.next(s.pathNode[msg]!, q);
    }
    if (this.trace) this.emit("publish", msg, q);
    const outcome = deadLettered ? broker.publish(msg, undefined, true) : broker.publish(msg);
    if (outcome === REFUSED) {
      if (this.trace) this.emit("refused", msg, q);
      if (this.warm) st.dropped++;
      this.leave(msg, LEAVE_LOST);
    } else if (outcome === QUEUED) {
      if (broker.readyCount > this.plan.backlogLimit) this.stop("backlog limit");
      else if (this.preemptive[q]) this.preemptFor(q, msg);
    }
  }

  private route(spec: CompiledQueue, msg: number): void {
    const fanout = spec.fanout;
    if (fanout.length > 0) {
      this.families.fanOut(this.store, msg, fanout.length);
      for (let i = 1; i < fanout.length; i++) this.publishInto(fanout[i]!, this.store.copy(msg));
      this.publishInto(fanout[0]!, msg);
      return;
    }
    const next = this.nextQueue(spec.index);
    if (next >= 0) this.publishInto(next, msg);
    else this.leave(msg, LEAVE_SERVED);
  }

  private leave(msg: number, how: number): void {
    const s = this.store;
    const family = s.family[msg]!;
    const exit = s.queue[msg]!;
    if (this.trace) this.emit("leave", msg, exit >= 0 ? exit : undefined, undefined, how === LEAVE_SERVED ? "served" : "lost");
    // A fanout copy departs with the last of its family, served only if all of them were.
    if (family < 0) this.departed(msg, exit, how === LEAVE_SERVED);
    else if (this.families.leave(family, how === LEAVE_SERVED)) this.departed(msg, exit, this.families.lastServed);
    s.free(msg);
  }

  private emit(event: TraceEvent["event"], msg: number, q?: number, consumer?: number, detail?: string): void {
    const e: TraceEvent = { t: this.cal.time, event, msg };
    if (q !== undefined) e.queue = this.queues[q]!.id;
    if (consumer !== undefined) e.consumer = consumer;
    if (detail !== undefined) e.detail = detail;
    this.trace!(e);
  }
}

function pickCumulative(cum: Float64Array, u: number): number {
  const last = cum.length - 1;
  for (let i = 0; i < last; i++) if (u < cum[i]!) return i;
  return last;
}
