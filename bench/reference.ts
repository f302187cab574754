/**
 * The ceiling: a plain, hand-written event loop for the same workloads, with nothing the engine
 * has to offer (no broker queue, no message store, no statistics beyond one mean, no
 * cancellation, no same-time tie-break): a binary heap on a Float64Array of times with an
 * Int32Array of tags, a ring buffer of enqueue times per queue, alea for uniforms and inversion
 * for exponentials. The engine's target is >= 75% of its events per second.
 *
 * A tag is -1 for an outside arrival and s >= 0 for a service completion at queue s. With FIFO
 * and identical consumers a completion does not need to know which message it served: the wait
 * is taken when service starts, from the head of the ring.
 */
import seedrandom from "seedrandom";
import { nowMs, type RunFigure } from "./measure.ts";
import { streamSeed, type Workload } from "./workloads.ts";

const ARRIVAL = -1;

/** A binary min-heap of (time, tag) on typed arrays, growing by doubling. */
class TimeHeap {
  time: Float64Array;
  tag: Int32Array;
  size = 0;
  /** Time and tag of the last popped entry. */
  topTime = 0;
  topTag = 0;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.tag = new Int32Array(capacity);
  }

  push(t: number, g: number): void {
    if (this.size === this.time.length) this.grow();
    const ht = this.time, hg = this.tag;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p]!;
      if (pt <= t) break;
      ht[i] = pt;
      hg[i] = hg[p]!;
      i = p;
    }
    ht[i] = t;
    hg[i] = g;
  }

  /** Removes the earliest entry into `topTime`/`topTag`; the heap must not be empty. */
  pop(): void {
    const ht = this.time, hg = this.tag;
    this.topTime = ht[0]!;
    this.topTag = hg[0]!;
    const n = --this.size;
    if (n === 0) return;
    const t = ht[n]!;
    const g = hg[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = ht[c]!;
      if (c + 1 < n && ht[c + 1]! < ct) ct = ht[++c]!;
      if (ct >= t) break;
      ht[i] = ct;
      hg[i] = hg[c]!;
      i = c;
    }
    ht[i] = t;
    hg[i] = g;
  }

  private grow(): void {
    const time = new Float64Array(this.time.length * 2);
    const tag = new Int32Array(this.tag.length * 2);
    time.set(this.time);
    tag.set(this.tag);
    this.time = time;
    this.tag = tag;
  }
}

/** A FIFO of enqueue times on a power-of-two ring, growing by doubling. */
class TimeRing {
  buf = new Float64Array(1024);
  head = 0;
  length = 0;

  push(t: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length++) & (this.buf.length - 1)] = t;
  }

  shift(): number {
    const t = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return t;
  }

  private grow(): void {
    const next = new Float64Array(this.buf.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)]!;
    this.buf = next;
    this.head = 0;
  }
}

/**
 * Simulates a workload (M/M/c queues in tandem; TTL is not modelled) until `messages` messages
 * have left the last queue, and returns the events (outside arrivals + completions), the wall
 * time and the mean wait at the first queue.
 */
export function runReference(w: Workload, messages: number, seed = 1): RunFigure {
  if (w.ttlMean !== undefined) throw new RangeError(`reference: workload ${w.id} has a TTL, which the reference loop does not model`);
  const k = w.stations;
  const servers = w.servers;
  const meanIa = 1 / w.lambda;
  const meanService = 1 / w.mu;
  const arrivalRng = seedrandom.alea(streamSeed(seed, "arrivals", 0));
  const serviceRng = Array.from({ length: k }, (_, s) => seedrandom.alea(streamSeed(seed, "service", s)));
  const rings = Array.from({ length: k }, () => new TimeRing());
  const busy = new Int32Array(k);
  const heap = new TimeHeap(1024);
  const last = k - 1;
  let events = 0;
  let departures = 0;
  let waitSum = 0;
  let started = 0;

  const t0 = nowMs();
  heap.push(0 - meanIa * Math.log(1 - arrivalRng()), ARRIVAL);
  while (departures < messages) {
    heap.pop();
    events++;
    const now = heap.topTime;
    const tag = heap.topTag;
    let into: number;
    if (tag === ARRIVAL) {
      heap.push(now - meanIa * Math.log(1 - arrivalRng()), ARRIVAL);
      into = 0;
    } else {
      // A consumer at `tag` is free: give it the next waiting message, if any.
      const ring = rings[tag]!;
      if (ring.length > 0) {
        const enqueuedAt = ring.shift();
        if (tag === 0) {
          waitSum += now - enqueuedAt;
          started++;
        }
        heap.push(now - meanService * Math.log(1 - serviceRng[tag]!()), tag);
      } else {
        busy[tag]!--;
      }
      if (tag === last) {
        departures++;
        continue;
      }
      into = tag + 1;
    }
    if (busy[into]! < servers) {
      busy[into]!++;
      if (into === 0) started++;
      heap.push(now - meanService * Math.log(1 - serviceRng[into]!()), into);
    } else {
      rings[into]!.push(now);
    }
  }
  const seconds = (nowMs() - t0) / 1000;
  return { events, seconds, meanWq: started > 0 ? waitSum / started : NaN };
}
