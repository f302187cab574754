/**
 * A growable ring of message ids with O(1) push and pop at both ends and O(1) removal by
 * position (a tombstone, skipped when reached). Positions are absolute counters, so a position
 * stays valid while the ring grows; they are renumbered only when they would leave int32 range.
 */
const EMPTY = -1;
const RENUMBER_AT = 2 ** 30;

export class Deque {
  private ring: Int32Array;
  private mask: number;
  private head = 0; // absolute position of the first slot in use
  private tail = 0; // absolute position one past the last slot in use
  /** Live (non-tombstone) entries. */
  size = 0;

  /** `holder.readyPos[msg]` receives each entry's absolute position (a MessageStore; read on each write since it grows). */
  constructor(private readonly holder: { readyPos: Int32Array }, initialCapacity = 64) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.ring = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  pushBack(msg: number): void {
    if (this.tail - this.head === this.ring.length) this.grow();
    if (this.tail >= RENUMBER_AT) this.renumber();
    const pos = this.tail++;
    this.ring[pos & this.mask] = msg;
    this.holder.readyPos[msg] = pos;
    this.size++;
  }

  pushFront(msg: number): void {
    if (this.tail - this.head === this.ring.length) this.grow();
    if (this.head <= -RENUMBER_AT) this.renumber();
    const pos = --this.head;
    this.ring[pos & this.mask] = msg;
    this.holder.readyPos[msg] = pos;
    this.size++;
  }

  /** Removes and returns the first live entry, or -1. */
  popFront(): number {
    while (this.head < this.tail) {
      const i = this.head++ & this.mask;
      const msg = this.ring[i]!;
      this.ring[i] = EMPTY;
      if (msg !== EMPTY) {
        this.size--;
        return msg;
      }
    }
    return EMPTY;
  }

  /** Removes and returns the last live entry, or -1. */
  popBack(): number {
    while (this.tail > this.head) {
      const i = --this.tail & this.mask;
      const msg = this.ring[i]!;
      this.ring[i] = EMPTY;
      if (msg !== EMPTY) {
        this.size--;
        return msg;
      }
    }
    return EMPTY;
  }

  /** Removes the entry at absolute position `pos` (from MessageStore.readyPos). */
  removeAt(pos: number): void {
    const i = pos & this.mask;
    if (pos < this.head || pos >= this.tail || this.ring[i] === EMPTY) return;
    this.ring[i] = EMPTY;
    this.size--;
    // Trim tombstones at the ends so an idle queue's ring does not fill with them.
    while (this.head < this.tail && this.ring[this.head & this.mask] === EMPTY) this.head++;
    while (this.tail > this.head && this.ring[(this.tail - 1) & this.mask] === EMPTY) this.tail--;
  }

  /** The first live entry without removing it, or -1. */
  peekFront(): number {
    for (let p = this.head; p < this.tail; p++) {
      const msg = this.ring[p & this.mask]!;
      if (msg !== EMPTY) return msg;
    }
    return EMPTY;
  }

  clear(): void {
    this.ring.fill(EMPTY);
    this.head = this.tail = 0;
    this.size = 0;
  }

  /** Calls `fn` for every live entry, front to back. */
  forEach(fn: (msg: number) => void): void {
    for (let p = this.head; p < this.tail; p++) {
      const msg = this.ring[p & this.mask]!;
      if (msg !== EMPTY) fn(msg);
    }
  }

  private grow(): void {
    const old = this.ring;
    const oldMask = this.mask;
    this.ring = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = this.ring.length - 1;
    for (let p = this.head; p < this.tail; p++) this.ring[p & this.mask] = old[p & oldMask]!;
  }

  private renumber(): void {
    const old = this.ring;
    const oldMask = this.mask;
    const n = this.tail - this.head;
    this.ring = new Int32Array(old.length).fill(EMPTY);
    const pos = this.holder.readyPos;
    for (let k = 0; k < n; k++) {
      const msg = old[(this.head + k) & oldMask]!;
      this.ring[k & this.mask] = msg;
      if (msg !== EMPTY) pos[msg] = k;
    }
    this.head = 0;
    this.tail = n;
  }
}
