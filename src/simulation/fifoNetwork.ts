import { BrokerQueue, PublishOutcome, type BrokerHost } from "../broker/brokerQueue.ts";
import { EventHeap, PAYLOAD_SPACE } from "../engine/eventHeap.ts";
import { EventPriority } from "../engine/priorities.ts";
import type { Distribution, RandomSource } from "../engine/random/types.ts";
import type { CompiledQueue } from "./compile.ts";
import type { ReplicationPlan } from "./model.ts";
import { ReplicationBase } from "./replicationBase.ts";

/**
 * The replication model of the networks most scenarios are: FIFO queues with prefetch 1 and a
 * fixed number of consumers, no TTL, no failures, no priority classes, no fanout, bounded only
 * by reject-publish, joined by probabilistic routes (Jackson networks, pipelines, single queues).
 * Every message still passes through src/broker's BrokerQueue, as in NetworkModel; what this
 * model leaves out is what such a network never uses: the consumer pool (a consumer starts each
 * delivery at once), the event calendar's slots and cancellation (an EventHeap whose payload
 * says what happens: an outside arrival at queue q, a completion at consumer slot k, or a
 * control event), class draws, failures, preemption and the trace; and it draws Poisson gaps and
 * exponential service times inline.
 *
 * It is the same model, not an approximation: it draws the same random numbers from the same
 * named streams in the same order, schedules the same events in the same order (so same-time
 * ties fall alike), and brings every time-integral up to date at the same instants, so every
 * figure of a replication is identical to NetworkModel's, bit for bit (test/simulation/fifoNetwork.test.ts
 * compares the two on random scenarios). It runs about 1.2-1.3 times as fast (`npm run bench`).
 */

const P_ARRIVAL = EventPriority.arrival;
const P_COMPLETE = EventPriority.complete;
const P_CONTROL = EventPriority.control;

const REFUSED = PublishOutcome.refused;
const QUEUED = PublishOutcome.queued;

const LEAVE_SERVED = 0;
const LEAVE_LOST = 1;

/** Whether `FifoNetworkModel` runs these queues and plan exactly as NetworkModel would. */
export function fifoNetworkRuns(queues: readonly CompiledQueue[], plan: ReplicationPlan): boolean {
  if (plan.trace) return false;
  let consumers = 0;
  for (const q of queues) {
    const s = q.spec;
    if (s.discipline !== "fifo" || s.prefetch !== 1 || q.ttl !== null || q.failureP > 0 || q.classNames.length > 0 || q.fanout.length > 0) return false;
    if (!(Number.isInteger(q.servers) && q.servers >= 1)) return false;
    if (s.capacity !== null && s.overflow !== "reject-publish") return false;
    consumers += q.servers;
  }
  return queues.length + consumers + 3 <= PAYLOAD_SPACE;
}

export class FifoNetworkModel extends ReplicationBase implements BrokerHost {
  readonly brokers: BrokerQueue[];

  private readonly heap = new EventHeap(256);
  /**
   * Poisson arrivals and exponential service, drawn here as PoissonProcess and `exponential`
   * draw them (same arithmetic, same stream): the mean gap (NaN for any other process, whose
   * `next()` is called instead), the next epoch, and the service mean (NaN for any other
   * distribution). The two draws of every message are then plain code in the event handlers,
   * with no call through a process or distribution object.
   */
  private readonly poissonGap: Float64Array;
  private readonly arrivalAt: Float64Array;
  private readonly arrivalRng: (RandomSource | null)[];
  private readonly expMean: Float64Array;
  private readonly service: Distribution[];
  /** Payload of the first consumer slot of each queue, and the first control payload. */
  private readonly slotBase: Int32Array;
  private readonly controlBase: number;
  /** Per consumer slot (payload - queues): its queue and the message it serves. */
  private readonly queueOfSlot: Int32Array;
  private readonly inService: Int32Array;

  constructor(queues: CompiledQueue[], plan: ReplicationPlan) {
    super(queues, plan);
    const n = queues.length;
    this.service = queues.map((q) => q.service[0]!);
    this.brokers = queues.map((q) => new BrokerQueue(q.index, q.id, {
      consumers: q.servers,
      prefetch: 1,
      capacity: q.spec.capacity,
      overflow: "reject-publish",
      discipline: "fifo",
      ttl: null,
      maxDeliveries: 0,
      clock: this.heap,
    }, this.store, this));
    this.poissonGap = Float64Array.from(queues, (q) => (q.spec.arrival?.process === "poisson" && q.spec.arrival.rate > 0 ? 1 / q.spec.arrival.rate : NaN));
    this.arrivalAt = new Float64Array(n);
    this.arrivalRng = queues.map((q, i) => (this.poissonGap[i]! > 0 ? this.stream("arrivals", q) : null));
    this.expMean = Float64Array.from(this.service, (d) => (d.name === "exponential" ? d.mean : NaN));
    this.slotBase = new Int32Array(n);
    let slots = 0;
    for (let q = 0; q < n; q++) {
      this.slotBase[q] = n + slots;
      slots += queues[q]!.servers;
    }
    this.controlBase = n + slots;
    this.queueOfSlot = new Int32Array(slots);
    this.inService = new Int32Array(slots).fill(-1);
    for (let q = 0; q < n; q++) {
      const base = this.slotBase[q]! - n;
      for (let k = 0; k < queues[q]!.servers; k++) this.queueOfSlot[base + k] = q;
    }
  }

  get now(): number {
    return this.heap.time;
  }

  protected scheduleControl(at: number, what: number): void {
    this.heap.push(at, P_CONTROL, this.controlBase + what);
  }

  run(): void {
    const heap = this.heap;
    const n = this.queues.length;
    for (let i = 0; i < n; i++) {
      const t = this.poissonGap[i]! > 0 ? this.nextPoisson(i) : (this.arrivals[i]?.next() ?? Infinity);
      if (t < Infinity) heap.push(t, P_ARRIVAL, i);
    }
    this.begin();
    const path = this.path;
    const controlBase = this.controlBase;
    const lengthOf = (q: number) => this.brokers[q]!.readyCount + this.brokers[q]!.unacked;
    while (!this.done) {
      const code = heap.next();
      if (code < 0) break;
      if (path !== null && heap.time >= path.next) path.record(heap.time, lengthOf);
      if (code < n) this.onArrival(code);
      else if (code < controlBase) this.onComplete(code - n);
      else this.onControl(code - controlBase);
      this.counted();
    }
    this.finish(heap);
  }

  private onArrival(q: number): void {
    if (this.poissonGap[q]! > 0) {
      this.publish(q, this.newMessage());
      this.heap.push(this.nextPoisson(q), P_ARRIVAL, q);
      return;
    }
    const process = this.arrivals[q]!;
    for (let k = process.batchSize; k > 0; k--) this.publish(q, this.newMessage());
    const next = process.next();
    if (next < Infinity) this.heap.push(next, P_ARRIVAL, q);
  }

  /** The next epoch of queue q's Poisson arrivals: PoissonProcess.next, inline. */
  private nextPoisson(q: number): number {
    return (this.arrivalAt[q]! += 0 - this.poissonGap[q]! * Math.log(1 - this.arrivalRng[q]!()));
  }

  /** A message born now, outside the network. */
  private newMessage(): number {
    const s = this.store;
    const msg = s.alloc();
    s.bornAt[msg] = this.heap.time;
    s.enqueuedAt[msg] = this.heap.time;
    return msg;
  }

  /**
   * Consumer slot `slot` finished its message: record it, ack, start the next ready one, route
   * on. Split in steps that take integers: V8 inlines what it can within each, and a double passed
   * to a call it does not inline is boxed.
   */
  private onComplete(slot: number): void {
    const q = this.queueOfSlot[slot]!;
    const msg = this.inService[slot]!;
    this.served(q, msg);
    this.brokers[q]!.ack(slot + this.queues.length - this.slotBase[q]!, msg);
    this.route(q, msg);
  }

  /** Message `msg` was served at queue `q`: the consumer is free and, once warm, its times are recorded. */
  private served(q: number, msg: number): void {
    const now = this.heap.time;
    const s = this.store;
    const st = this.stats[q]!;
    st.advance(now);
    st.busy--;
    const enq = s.enqueuedAt[msg]!;
    if (this.warm) st.recordServed(now - enq, s.serviceStartAt[msg]! - enq, 0);
  }

  /** Sends an acked message on along its queue's routes, or out of the network. */
  private route(q: number, msg: number): void {
    const next = this.nextQueue(q);
    if (next >= 0) this.publish(next, msg);
    else this.leave(msg, q, LEAVE_SERVED);
  }

  /** Publishes `msg` into queue `q` (as NetworkModel.publishInto): delivered, queued, or refused when full. */
  private publish(q: number, msg: number): void {
    const s = this.store;
    const st = this.stats[q]!;
    s.cls[msg] = 0;
    if (this.warm) st.published++;
    if (this.hasNetwork) {
      if (s.visits[msg]!++ === 0) s.entry[msg] = q;
      s.pathNode[msg] = this.routes!.tree.next(s.pathNode[msg]!, q);
    }
    const b = this.brokers[q]!;
    const outcome = b.publish(msg);
    if (outcome === REFUSED) {
      if (this.warm) st.dropped++;
      this.leave(msg, q, LEAVE_LOST);
    } else if (outcome === QUEUED && b.readyCount > this.plan.backlogLimit) this.stop("backlog limit");
  }

  // --- BrokerHost: what the broker queues ask of the model -------------------------------------

  /** A queue delivered `msg` to `consumer`, who starts serving it at once (prefetch 1). */
  deliver(queue: BrokerQueue, consumer: number, msg: number): void {
    const now = this.heap.time;
    const q = queue.index;
    const st = this.stats[q]!;
    st.advance(now);
    st.busy++;
    const slot = this.slotBase[q]! - this.queues.length + consumer;
    this.inService[slot] = msg;
    const mean = this.expMean[q]!;
    const duration = mean > 0 ? 0 - mean * Math.log(1 - this.serviceRng[q]!()) : this.service[q]!.sample(this.serviceRng[q]!);
    this.store.serviceStartAt[msg] = now;
    this.heap.push(now + duration, P_COMPLETE, this.queues.length + slot);
  }

  deadLetter(queue: BrokerQueue): void {
    throw new Error(`FifoNetworkModel: queue ${queue.id} dead-lettered a message, which its scope excludes`);
  }

  setTimer(queue: BrokerQueue): number {
    throw new Error(`FifoNetworkModel: queue ${queue.id} armed a TTL timer, which its scope excludes`);
  }

  cancelTimer(): void {}

  private leave(msg: number, exit: number, how: number): void {
    this.departed(msg, exit, how === LEAVE_SERVED);
    this.store.free(msg);
  }
}
