/**
 * Every message in flight, as a struct of typed arrays indexed by message id, with a free list.
 * No object per message: a simulation of 10^8 messages allocates nothing per message, and memory
 * is bounded by the largest number in flight at once (the backlog limit bounds that).
 */
export const MessageState = { free: 0, ready: 1, unacked: 2, service: 3 } as const;

export class MessageStore {
  /** Time the message was published into its current queue (s). */
  enqueuedAt: Float64Array;
  /** Time the message (or the original it was copied from) first entered the system (s). */
  bornAt: Float64Array;
  /** Time service started at the current queue (s), or -1. */
  serviceStartAt: Float64Array;
  /** Service time drawn for the current delivery (s), and what is left of it after a preemption (0: none). */
  serviceDemand: Float64Array;
  serviceLeft: Float64Array;
  /** Deliveries so far (1 on the first delivery); carried across dead-letter hops for the delivery limit. */
  deliveries: Int32Array;
  /** `deliveries` when the message entered its current queue: later deliveries there are redeliveries. */
  deliveriesAtEntry: Int32Array;
  /** Index of the queue the message is in. */
  queue: Int32Array;
  /** Class index within its queue's priority classes (0 when the queue has none). */
  cls: Int32Array;
  /** Consumer holding it (-1 none, -2 the anonymous consumer of an "unlimited" queue). */
  consumer: Int32Array;
  /** Position in the ready store (opaque to everyone but the store). */
  readyPos: Int32Array;
  /** When the message expires if still ready (s); Infinity without TTL. Kept across requeues. */
  expiresAt: Float64Array;
  /** Pending TTL timer handle, or -1. */
  timer: Float64Array;
  /** Dead-letter hops since the message was last rejected (expiry, maxlen, delivery limit): for cycle detection. */
  autoHops: Int32Array;
  /** The queue the message first entered, and how many queues it has been published into (for end-to-end paths). */
  entry: Int32Array;
  visits: Int32Array;
  /** Node of the path taken so far in the network's path tree (0: none yet; see src/simulation/routeStats.ts). */
  pathNode: Int32Array;
  /** Family id of fanout copies (-1 when the message was never copied). */
  family: Int32Array;
  /** MessageState. */
  state: Uint8Array;

  private freeIds: Int32Array;
  private freeCount = 0;
  private nextId = 0;
  private live = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.enqueuedAt = new Float64Array(cap);
    this.bornAt = new Float64Array(cap);
    this.serviceStartAt = new Float64Array(cap);
    this.serviceDemand = new Float64Array(cap);
    this.serviceLeft = new Float64Array(cap);
    this.deliveries = new Int32Array(cap);
    this.deliveriesAtEntry = new Int32Array(cap);
    this.queue = new Int32Array(cap);
    this.cls = new Int32Array(cap);
    this.consumer = new Int32Array(cap);
    this.readyPos = new Int32Array(cap);
    this.timer = new Float64Array(cap);
    this.expiresAt = new Float64Array(cap);
    this.family = new Int32Array(cap);
    this.autoHops = new Int32Array(cap);
    this.entry = new Int32Array(cap);
    this.visits = new Int32Array(cap);
    this.pathNode = new Int32Array(cap);
    this.state = new Uint8Array(cap);
    this.freeIds = new Int32Array(cap);
  }

  /** Messages currently allocated. */
  get size(): number {
    return this.live;
  }

  /** Allocates a message born at `bornAt` (s) and returns its id (the simulation writes `bornAt` itself: see NetworkModel). */
  alloc(bornAt = 0): number {
    const id = this.freeCount > 0 ? this.freeIds[--this.freeCount]! : this.newId();
    this.bornAt[id] = bornAt;
    this.enqueuedAt[id] = bornAt;
    this.serviceStartAt[id] = -1;
    this.serviceLeft[id] = 0;
    this.deliveries[id] = 0;
    this.queue[id] = -1;
    this.cls[id] = 0;
    this.consumer[id] = -1;
    this.timer[id] = -1;
    this.expiresAt[id] = Infinity;
    this.family[id] = -1;
    this.autoHops[id] = 0;
    this.visits[id] = 0;
    this.pathNode[id] = 0;
    this.state[id] = MessageState.ready;
    this.live++;
    return id;
  }

  /** Allocates a copy of `msg` (same birth time and family), for fanout. */
  copy(msg: number): number {
    const id = this.alloc(this.bornAt[msg]!);
    this.family[id] = this.family[msg]!;
    this.entry[id] = this.entry[msg]!;
    this.visits[id] = this.visits[msg]!;
    this.pathNode[id] = this.pathNode[msg]!;
    return id;
  }

  /** Returns a message id to the pool. */
  free(id: number): void {
    this.state[id] = MessageState.free;
    this.freeIds[this.freeCount++] = id;
    this.live--;
  }

  /** Number of messages the arrays hold before they grow. */
  get capacity(): number {
    return this.state.length;
  }

  /**
   * Frees everything and gives the memory back: the arrays shrink to 16 messages. For a store
   * whose run is over (see ReplicationBase), which may have grown to a backlog of 10^6.
   */
  release(): void {
    this.clear();
    this.resize(16);
  }

  /** Frees everything; capacity is kept. */
  clear(): void {
    this.freeCount = 0;
    this.nextId = 0;
    this.live = 0;
    this.state.fill(0);
  }

  private newId(): number {
    if (this.nextId === this.state.length) this.grow();
    return this.nextId++;
  }

  private grow(): void {
    this.resize(this.state.length * 2);
  }

  /** Reallocates every array at `cap` messages, keeping the first `cap` of each. */
  private resize(cap: number): void {
    const f64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a.subarray(0, cap)); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a.subarray(0, cap)); return b; };
    this.enqueuedAt = f64(this.enqueuedAt);
    this.bornAt = f64(this.bornAt);
    this.serviceStartAt = f64(this.serviceStartAt);
    this.serviceDemand = f64(this.serviceDemand);
    this.serviceLeft = f64(this.serviceLeft);
    this.timer = f64(this.timer);
    this.expiresAt = f64(this.expiresAt);
    this.deliveries = i32(this.deliveries);
    this.deliveriesAtEntry = i32(this.deliveriesAtEntry);
    this.queue = i32(this.queue);
    this.cls = i32(this.cls);
    this.consumer = i32(this.consumer);
    this.readyPos = i32(this.readyPos);
    this.family = i32(this.family);
    this.autoHops = i32(this.autoHops);
    this.entry = i32(this.entry);
    this.visits = i32(this.visits);
    this.pathNode = i32(this.pathNode);
    this.freeIds = i32(this.freeIds);
    const st = new Uint8Array(cap);
    st.set(this.state.subarray(0, cap));
    this.state = st;
  }
}
