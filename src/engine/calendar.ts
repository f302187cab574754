/**
 * The event calendar: a binary min-heap ordered by (time, same-time priority, sequence), kept in
 * typed arrays so that 10^5-10^6 pending events cost no garbage and little cache (a heap of
 * objects is 4-5x slower at that size). Every event carries an integer kind and two integer
 * payloads; handles allow cancellation (TTL timers are cancelled when a message is delivered).
 *
 * Handles are `slot + (generation mod 64) * SLOT_SPACE`, so a handle kept past its event's
 * firing can be cancelled harmlessly (it no longer matches, unless its slot was reused exactly a
 * multiple of 64 times since). Handles stay below 2^30, a small integer to V8, so scheduling
 * allocates nothing even where the call is not inlined.
 */
const SLOT_SPACE = 2 ** 24;
const GENERATIONS = 64;
const SEQ_SPACE = 2 ** 40;

export class Calendar {
  /** Time of the event last popped (the simulation clock), in seconds. */
  time = 0;
  /** Kind and payloads of the event last popped. */
  kind = 0;
  a = 0;
  b = 0;

  private heapTime: Float64Array;
  private heapKey: Float64Array; // priority * SEQ_SPACE + seq: one comparison for both tie-breaks
  private heapSlot: Int32Array;
  private slotKind: Int32Array;
  private slotA: Int32Array;
  private slotB: Int32Array;
  private slotPos: Int32Array; // heap index, -1 when free
  private slotGen: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private n = 0;
  private seq = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.heapTime = new Float64Array(cap);
    this.heapKey = new Float64Array(cap);
    this.heapSlot = new Int32Array(cap);
    this.slotKind = new Int32Array(cap);
    this.slotA = new Int32Array(cap);
    this.slotB = new Int32Array(cap);
    this.slotPos = new Int32Array(cap).fill(-1);
    this.slotGen = new Int32Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event, Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.heapTime[0]! : Infinity;
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
    if (this.n === this.heapTime.length) this.growHeap();
    this.siftUp(this.n++, time, priority * SEQ_SPACE + this.seq++, slot);
    return slot + this.slotGen[slot]! * SLOT_SPACE;
  }

  /** Cancels a pending event; returns false if it already fired or was cancelled. */
  cancel(handle: number): boolean {
    const slot = handle % SLOT_SPACE;
    const pos = this.slotPos[slot];
    if (pos === undefined || pos < 0 || this.slotGen[slot] !== (handle - slot) / SLOT_SPACE) return false;
    this.release(slot);
    const last = --this.n;
    if (pos !== last) {
      const t = this.heapTime[last]!;
      const k = this.heapKey[last]!;
      const s = this.heapSlot[last]!;
      // The moved element may belong above or below the hole.
      if (pos > 0 && less(t, k, this.heapTime[(pos - 1) >> 1]!, this.heapKey[(pos - 1) >> 1]!)) this.siftUp(pos, t, k, s);
      else this.siftDown(pos, t, k, s);
    }
    return true;
  }

  /**
   * Removes the earliest event and exposes it in `time`, `kind`, `a`, `b`. Returns false when
   * the calendar is empty (the fields are then unchanged).
   */
  pop(): boolean {
    if (this.n === 0) return false;
    const slot = this.heapSlot[0]!;
    this.time = this.heapTime[0]!;
    this.kind = this.slotKind[slot]!;
    this.a = this.slotA[slot]!;
    this.b = this.slotB[slot]!;
    this.release(slot);
    const last = --this.n;
    if (last > 0) this.siftDown(0, this.heapTime[last]!, this.heapKey[last]!, this.heapSlot[last]!);
    return true;
  }

  /** Drops every pending event and resets the clock to 0. Capacity is kept. */
  clear(): void {
    for (let i = 0; i < this.n; i++) this.release(this.heapSlot[i]!);
    this.n = 0;
    this.time = 0;
    this.seq = 0;
  }

  private release(slot: number): void {
    this.slotPos[slot] = -1;
    this.slotGen[slot] = (this.slotGen[slot]! + 1) % GENERATIONS;
    this.freeSlots[this.freeCount++] = slot;
  }

  private siftUp(pos: number, t: number, k: number, s: number): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot, sp = this.slotPos;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = ht[parent]!;
      if (!(t < pt || (t === pt && k < hk[parent]!))) break;
      ht[pos] = pt;
      hk[pos] = hk[parent]!;
      const ps = hs[parent]!;
      hs[pos] = ps;
      sp[ps] = pos;
      pos = parent;
    }
    ht[pos] = t;
    hk[pos] = k;
    hs[pos] = s;
    sp[s] = pos;
  }

  private siftDown(pos: number, t: number, k: number, s: number): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot, sp = this.slotPos;
    const n = this.n;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = ht[child]!;
      let ck = hk[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = ht[right]!;
        if (rt < ct || (rt === ct && hk[right]! < ck)) {
          child = right;
          ct = rt;
          ck = hk[right]!;
        }
      }
      if (!(ct < t || (ct === t && ck < k))) break;
      ht[pos] = ct;
      hk[pos] = ck;
      const cs = hs[child]!;
      hs[pos] = cs;
      sp[cs] = pos;
      pos = child;
    }
    ht[pos] = t;
    hk[pos] = k;
    hs[pos] = s;
    sp[s] = pos;
  }

  private newSlot(): number {
    if (this.nextSlot === this.slotKind.length) this.growSlots();
    return this.nextSlot++;
  }

  private growHeap(): void {
    const cap = this.heapTime.length * 2;
    this.heapTime = grow(this.heapTime, new Float64Array(cap));
    this.heapKey = grow(this.heapKey, new Float64Array(cap));
    this.heapSlot = grow(this.heapSlot, new Int32Array(cap));
  }

  private growSlots(): void {
    const cap = this.slotKind.length * 2;
    if (cap > SLOT_SPACE) throw new RangeError(`calendar: more than ${SLOT_SPACE} pending events at time ${this.time}`);
    this.slotKind = grow(this.slotKind, new Int32Array(cap));
    this.slotA = grow(this.slotA, new Int32Array(cap));
    this.slotB = grow(this.slotB, new Int32Array(cap));
    this.slotPos = grow(this.slotPos, new Int32Array(cap).fill(-1));
    this.slotGen = grow(this.slotGen, new Int32Array(cap));
    this.freeSlots = grow(this.freeSlots, new Int32Array(cap));
  }
}

/** The error of `schedule` for a NaN time, out of line so that `schedule` stays small enough to inline. */
function nanTime(kind: number, a: number, b: number, now: number): never {
  throw new RangeError(`calendar: event time is NaN (kind ${kind}, payload ${a}/${b}, now ${now})`);
}

function less(t1: number, k1: number, t2: number, k2: number): boolean {
  return t1 < t2 || (t1 === t2 && k1 < k2);
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
