/**
 * A binary min-heap of events ordered by (time, same-time priority, sequence), each carrying a
 * 24-bit integer payload, in one Float64Array: entry i has its time at `heap[2i]` and at
 * `heap[2i + 1]` the key (priority * SEQ_SPACE + seq) * PAYLOAD_SPACE + payload. One comparison
 * of keys settles both tie-breaks (seq is unique, so the payload never decides), and the payload
 * rides along, so a sift moves 16 bytes per level in one array and the two children compared at
 * each level share a cache line.
 *
 * This is the order every simulation in Kendall keeps. The `Calendar` builds on it, with the
 * payload naming a slot that holds an event's kind, payloads and cancellation state; a model
 * whose events are few kinds with small integer arguments puts them in the payload directly
 * (see src/simulation/fifoNetwork.ts), and skips the slots.
 *
 * Keys stay exact integers below 2^53: 6 bits of priority, 23 of sequence, 24 of payload. The
 * sequence is renumbered, order kept, when it runs out (`renumber`).
 */
export const PAYLOAD_SPACE = 2 ** 24;
/** Sequence numbers before a renumbering (see `renumber`); with 64 priorities and 2^24 payloads the key stays below 2^53. */
const SEQ_SPACE = 2 ** 23;
/** Same-time priorities are integers in [0, PRIORITIES). */
const PRIORITIES = 64;

export class EventHeap {
  /** Time of the event last popped (the simulation clock), in seconds. */
  time = 0;
  /** Payload of the event last popped by `next`. */
  payload = 0;

  protected heap: Float64Array;
  /** Entries in the heap. */
  protected n = 0;
  private seq = 0;

  constructor(initialCapacity = 1024) {
    this.heap = new Float64Array(2 * Math.max(16, initialCapacity));
  }

  /**
   * Adds an event at absolute `time` (s) with a same-time `priority` (an integer in [0, 64), see
   * EventPriority) and a `payload` (an integer in [0, 2^24)). `time` must not be NaN.
   */
  push(time: number, priority: number, payload: number): void {
    if (time !== time) nanTime(payload, this.time);
    if (2 * this.n === this.heap.length) this.heap = grow(this.heap);
    if (this.seq === SEQ_SPACE) this.renumber();
    if ((priority & (PRIORITIES - 1)) !== priority) badPriority(priority);
    const k = (priority * SEQ_SPACE + this.seq++) * PAYLOAD_SPACE + payload;
    // Sift up, written out here: a double passed to a call that V8 does not inline is boxed,
    // and this is the one call every event makes.
    const h = this.heap;
    let pos = this.n++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = h[2 * parent]!;
      if (!(time < pt || (time === pt && k < h[2 * parent + 1]!))) break;
      h[2 * pos] = pt;
      h[2 * pos + 1] = h[2 * parent + 1]!;
      pos = parent;
    }
    h[2 * pos] = time;
    h[2 * pos + 1] = k;
  }

  /**
   * Removes the earliest event, moves the clock `time` to it and returns its payload, or -1 when
   * the heap is empty (the clock is then unchanged).
   */
  next(): number {
    if (this.n === 0) return -1;
    this.time = this.heap[0]!;
    const payload = payloadOf(this.heap[1]!);
    this.removeTop();
    return payload;
  }

  /** Removes entry 0: the last entry takes its place and sifts down. */
  protected removeTop(): void {
    const last = --this.n;
    if (last === 0) return;
    const h = this.heap;
    h[0] = h[2 * last]!;
    h[1] = h[2 * last + 1]!;
    this.siftDown(0);
  }

  /** Forgets every entry and restarts the sequence (the clock is the caller's to reset). */
  protected empty(): void {
    this.n = 0;
    this.seq = 0;
  }

  /**
   * Drops every pending event and gives the memory back (the array shrinks to 16 entries); the
   * clock stays where it is. For an event list whose run is over (see ReplicationBase).
   */
  discard(): void {
    this.empty();
    this.heap = new Float64Array(32);
  }

  /** Restores heap order over entries 0..n-1 in O(n) (Floyd's construction), after entries were removed in place. */
  protected heapify(): void {
    for (let i = (this.n >> 1) - 1; i >= 0; i--) this.siftDown(i);
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
   * has run out (every 2^23 pushes). Every comparison between entries is unchanged (same
   * times, priorities and relative order), so the heap stays valid as it is. O(n log n) once per
   * 8 million pushes.
   */
  private renumber(): void {
    const h = this.heap, n = this.n;
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = seqOf(h[2 * i + 1]!) * PAYLOAD_SPACE + i;
    order.sort();
    for (let r = 0; r < n; r++) {
      const i = order[r]! % PAYLOAD_SPACE;
      const k = h[2 * i + 1]!;
      h[2 * i + 1] = (priorityOf(k) * SEQ_SPACE + r) * PAYLOAD_SPACE + payloadOf(k);
    }
    this.seq = n;
  }
}

/** The payload, sequence number and priority packed in a key (exact: keys are integers below 2^53). */
export function payloadOf(key: number): number {
  // Not `%`: on doubles V8 calls fmod. Dividing by a power of two is exact.
  return key - Math.floor(key / PAYLOAD_SPACE) * PAYLOAD_SPACE;
}
function seqOf(key: number): number {
  return Math.floor(key / PAYLOAD_SPACE) % SEQ_SPACE;
}
function priorityOf(key: number): number {
  return Math.floor(key / (PAYLOAD_SPACE * SEQ_SPACE));
}

function badPriority(priority: number): never {
  throw new RangeError(`calendar: same-time priority ${priority} is not an integer in [0, ${PRIORITIES})`);
}

/** The error for a NaN time, out of line so that `push` stays small enough to inline. */
function nanTime(payload: number, now: number): never {
  throw new RangeError(`calendar: event time is NaN (payload ${payload}, now ${now})`);
}

function grow(from: Float64Array): Float64Array {
  const to = new Float64Array(2 * from.length);
  to.set(from);
  return to;
}
