/**
 * The event calendar: the EventHeap's (time, same-time priority, sequence) order, with each
 * entry's payload naming a slot that holds the event's integer kind and two integer payloads,
 * and cancellation by handle (TTL timers are cancelled when a message is delivered). Everything
 * lives in typed arrays, so 10^5-10^6 pending events cost no garbage and little cache (a heap of
 * objects is 4-5x slower at that size; Floyd's bottom-up deletion and a 4-ary heap were tried
 * and measured slower here in the hold model).
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
import { EventHeap, PAYLOAD_SPACE, payloadOf } from "./eventHeap.ts";

const SLOT_SPACE = PAYLOAD_SPACE;
const GENERATIONS = 64;

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

/** Cancelled entries below this many are never worth a rebuild. */
const MIN_COMPACT = 1024;

export class Calendar extends EventHeap {
  /** Kind and payloads of the event last popped. */
  kind = 0;
  a = 0;
  b = 0;

  private slotKind: Int32Array;
  private slotA: Int32Array;
  private slotB: Int32Array;
  private slotGen: Int32Array;
  private slotState: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  /** Cancelled entries still in the heap. */
  private dead = 0;

  constructor(initialCapacity = 1024) {
    super(initialCapacity);
    const cap = Math.max(16, initialCapacity);
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
    this.push(time, priority, slot);
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
      const slot = payloadOf(this.heap[1]!);
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
    for (let i = 0; i < this.n; i++) this.release(payloadOf(this.heap[2 * i + 1]!));
    this.empty();
    this.dead = 0;
    this.time = 0;
  }

  /** As EventHeap's, and the slots shrink to 16 too. */
  override discard(): void {
    super.discard();
    this.dead = 0;
    this.freeCount = 0;
    this.nextSlot = 0;
    this.slotKind = new Int32Array(16);
    this.slotA = new Int32Array(16);
    this.slotB = new Int32Array(16);
    this.slotGen = new Int32Array(16);
    this.slotState = new Uint8Array(16);
    this.freeSlots = new Int32Array(16);
  }

  private dropCancelledTop(): void {
    while (this.n > 0 && this.slotState[payloadOf(this.heap[1]!)] === CANCELLED) {
      const slot = payloadOf(this.heap[1]!);
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

  /** Rebuilds the heap from its live entries, releasing the cancelled ones. */
  private compact(): void {
    const h = this.heap;
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      const slot = payloadOf(h[2 * i + 1]!);
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
    this.heapify();
  }

  private newSlot(): number {
    if (this.nextSlot === this.slotKind.length) this.growSlots();
    return this.nextSlot++;
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

/** The error of `schedule` for a NaN time, out of line so that `schedule` stays small enough to inline. */
function nanTime(kind: number, a: number, b: number, now: number): never {
  throw new RangeError(`calendar: event time is NaN (kind ${kind}, payload ${a}/${b}, now ${now})`);
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
