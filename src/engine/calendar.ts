/**
 * The event calendar: a binary min-heap ordered by (time, same-time priority, sequence), kept in
 * typed arrays so that 10^5-10^6 pending events cost no garbage and little cache (a heap of
 * objects is 4-5x slower at that size). Every event carries an integer kind and two integer
 * payloads; handles allow cancellation (TTL timers are cancelled when a message is delivered).
 *
 * Layout, chosen for cache misses, which dominate at 10^5-10^6 pending events: each heap entry's
 * time and order key sit side by side in one Float64Array (`heap[2i]`, `heap[2i + 1]`), so the
 * two children compared at each level share a cache line, and the event's slot (where its kind
 * and payloads are) is packed into the key's low 24 bits, so a sift touches one array. The key's
 * sequence number has 23 bits and is renumbered, order kept, when it runs out. (Floyd's
 * bottom-up deletion and a 4-ary heap were tried and measured slower here in the hold model.)
 *
 * Cancellation is lazy: a cancelled event stays in the heap, marked in its slot, and is dropped
 * when it reaches the top, so sifting never has to keep a slot-to-position index up to date.
 * When cancelled entries outnumber live ones the heap is rebuilt without them (O(n), amortised
 * O(1) per cancel), so memory stays bounded by the live events even when timers are long.
 *
 * Handles are `slot + (generation mod 64) * SLOT_SPACE`, so a handle kept past its event's
 * firing can be cancelled harmlessly (it no longer matches, unless its slot was reused exactly a
 * multiple of 64 times since). Handles stay below 2^30, a small integer to V8, so scheduling
 * allocates nothing even where the call is not inlined.
 */
const SLOT_SPACE = 2 ** 24;
const GENERATIONS = 64;
/** Sequence numbers before a renumbering (see `renumber`); with 64 priorities and 2^24 slots the key stays below 2^53. */
const SEQ_SPACE = 2 ** 23;
/** Same-time priorities are integers in [0, PRIORITIES). */
const PRIORITIES = 64;

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

/** Cancelled entries below this many are never worth a rebuild. */
const MIN_COMPACT = 1024;

export class Calendar {
  /** Time of the event last popped (the simulation clock), in seconds. */
  time = 0;
  /** Kind and payloads of the event last popped. */
  kind = 0;
  a = 0;
  b = 0;

  /**
   * Entry i: time at 2i, and at 2i + 1 the key (priority * SEQ_SPACE + seq) * SLOT_SPACE + slot:
   * one comparison for both tie-breaks (seq is unique, so the slot never decides), and the slot
   * rides along, so a sift moves 16 bytes per level in one array.
   */
  private heap: Float64Array;
  private slotKind: Int32Array;
  private slotA: Int32Array;
  private slotB: Int32Array;
  private slotGen: Int32Array;
  private slotState: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  /** Entries in the heap, cancelled ones included. */
  private n = 0;
  /** Cancelled entries still in the heap. */
  private dead = 0;
  private seq = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.heap = new Float64Array(2 * cap);
    this.slotKind = new Int32Array(cap);
    this.slotA = new Int32Array(cap);
    this.slotB = new Int32Array(cap);
    this.slotGen = new Int32Array(cap);
    this.slotState = new Uint8Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n - this.dead;
  }

  /** Time of the earliest pending event, Infinity when empty. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.n > 0 ? this.heap[0]! : Infinity;
  }

  /**
   * Schedules an event at absolute `time` (s) with a same-time `priority` (see EventPriority),
   * and returns a handle for `cancel`. `time` must not be NaN.
   */
  schedule(time: number, priority: number, kind: number, a: number, b: number): number {
    if (time !== time) nanTime(kind, a, b, this.time);
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.newSlot();
    this.slotKind[slot] = kind;
    this.slotA[slot] = a;
    this.slotB[slot] = b;
    this.slotState[slot] = PENDING;
    if (2 * this.n === this.heap.length) this.growHeap();
    if (this.seq === SEQ_SPACE) this.renumber();
    if ((priority & (PRIORITIES - 1)) !== priority) badPriority(priority);
    this.siftUp(this.n++, time, (priority * SEQ_SPACE + this.seq++) * SLOT_SPACE + slot);
    return slot + this.slotGen[slot]! * SLOT_SPACE;
  }

  /** Cancels a pending event; returns false if it already fired or was cancelled. */
  cancel(handle: number): boolean {
    const slot = handle % SLOT_SPACE;
    if (this.slotState[slot] !== PENDING || this.slotGen[slot] !== (handle - slot) / SLOT_SPACE) return false;
    this.slotState[slot] = CANCELLED;
    if (++this.dead >= MIN_COMPACT && 2 * this.dead > this.n) this.compact();
    return true;
  }

  /**
   * Removes the earliest event and exposes it in `time`, `kind`, `a`, `b`. Returns false when
   * the calendar is empty (the fields are then unchanged).
   */
  pop(): boolean {
    for (;;) {
      if (this.n === 0) return false;
      const t = this.heap[0]!;
      const slot = slotOf(this.heap[1]!);
      this.removeTop();
      if (this.slotState[slot] === CANCELLED) {
        this.dead--;
        this.release(slot);
        continue;
      }
      this.time = t;
      this.kind = this.slotKind[slot]!;
      this.a = this.slotA[slot]!;
      this.b = this.slotB[slot]!;
      this.release(slot);
      return true;
    }
  }

  /** Drops every pending event and resets the clock to 0. Capacity is kept. */
  clear(): void {
    for (let i = 0; i < this.n; i++) this.release(slotOf(this.heap[2 * i + 1]!));
    this.n = 0;
    this.dead = 0;
    this.time = 0;
    this.seq = 0;
  }

  private dropCancelledTop(): void {
    while (this.n > 0 && this.slotState[slotOf(this.heap[1]!)] === CANCELLED) {
      const slot = slotOf(this.heap[1]!);
      this.removeTop();
      this.dead--;
      this.release(slot);
    }
  }

  private release(slot: number): void {
    this.slotState[slot] = FREE;
    this.slotGen[slot] = (this.slotGen[slot]! + 1) % GENERATIONS;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Removes entry 0: the last entry takes its place and sifts down. */
  private removeTop(): void {
    const last = --this.n;
    if (last === 0) return;
    const h = this.heap;
    h[0] = h[2 * last]!;
    h[1] = h[2 * last + 1]!;
    this.siftDown(0);
  }

  private siftUp(pos: number, t: number, k: number): void {
    const h = this.heap;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = h[2 * parent]!;
      if (!(t < pt || (t === pt && k < h[2 * parent + 1]!))) break;
      h[2 * pos] = pt;
      h[2 * pos + 1] = h[2 * parent + 1]!;
      pos = parent;
    }
    h[2 * pos] = t;
    h[2 * pos + 1] = k;
  }

  /** Rebuilds the heap from its live entries (Floyd's heap construction, O(n)), releasing the cancelled ones. */
  private compact(): void {
    const h = this.heap;
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      const slot = slotOf(h[2 * i + 1]!);
      if (this.slotState[slot] === CANCELLED) {
        this.release(slot);
        continue;
      }
      h[2 * m] = h[2 * i]!;
      h[2 * m + 1] = h[2 * i + 1]!;
      m++;
    }
    this.n = m;
    this.dead = 0;
    for (let i = (m >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Moves entry `pos` down to its place. */
  private siftDown(pos: number): void {
    const h = this.heap, n = this.n;
    const t = h[2 * pos]!;
    const k = h[2 * pos + 1]!;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = h[2 * child]!;
      let ck = h[2 * child + 1]!;
      if (child + 1 < n) {
        const rt = h[2 * child + 2]!;
        const rk = h[2 * child + 3]!;
        if (rt < ct || (rt === ct && rk < ck)) {
          child++;
          ct = rt;
          ck = rk;
        }
      }
      if (!(ct < t || (ct === t && ck < k))) break;
      h[2 * pos] = ct;
      h[2 * pos + 1] = ck;
      pos = child;
    }
    h[2 * pos] = t;
    h[2 * pos + 1] = k;
  }

  /**
   * Gives the pending entries the sequence numbers 0..n-1 in their present order, when `seq`
   * has run out (every 2^23 schedules). Every comparison between entries is unchanged (same
   * times, priorities and relative order), so the heap stays valid as it is. O(n log n) once per
   * 8 million schedules.
   */
  private renumber(): void {
    const h = this.heap, n = this.n;
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = seqOf(h[2 * i + 1]!) * SLOT_SPACE + i;
    order.sort();
    for (let r = 0; r < n; r++) {
      const i = order[r]! % SLOT_SPACE;
      const k = h[2 * i + 1]!;
      h[2 * i + 1] = (priorityOf(k) * SEQ_SPACE + r) * SLOT_SPACE + slotOf(k);
    }
    this.seq = n;
  }

  private newSlot(): number {
    if (this.nextSlot === this.slotKind.length) this.growSlots();
    return this.nextSlot++;
  }

  private growHeap(): void {
    this.heap = grow(this.heap, new Float64Array(2 * this.heap.length));
  }

  private growSlots(): void {
    const cap = this.slotKind.length * 2;
    if (cap > SLOT_SPACE) throw new RangeError(`calendar: more than ${SLOT_SPACE} pending events at time ${this.time}`);
    this.slotKind = grow(this.slotKind, new Int32Array(cap));
    this.slotA = grow(this.slotA, new Int32Array(cap));
    this.slotB = grow(this.slotB, new Int32Array(cap));
    this.slotGen = grow(this.slotGen, new Int32Array(cap));
    this.slotState = grow(this.slotState, new Uint8Array(cap));
    this.freeSlots = grow(this.freeSlots, new Int32Array(cap));
  }
}

/** The slot, sequence number and priority packed in a key (exact: keys are integers below 2^53). */
function slotOf(key: number): number {
  // Not `%`: on doubles V8 calls fmod. Dividing by a power of two is exact.
  return key - Math.floor(key / SLOT_SPACE) * SLOT_SPACE;
}
function seqOf(key: number): number {
  return Math.floor(key / SLOT_SPACE) % SEQ_SPACE;
}
function priorityOf(key: number): number {
  return Math.floor(key / (SLOT_SPACE * SEQ_SPACE));
}

function badPriority(priority: number): never {
  throw new RangeError(`calendar: same-time priority ${priority} is not an integer in [0, ${PRIORITIES})`);
}

/** The error of `schedule` for a NaN time, out of line so that `schedule` stays small enough to inline. */
function nanTime(kind: number, a: number, b: number, now: number): never {
  throw new RangeError(`calendar: event time is NaN (kind ${kind}, payload ${a}/${b}, now ${now})`);
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
