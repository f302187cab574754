/**
 * The classic hold model for event lists (Vaucher & Duval, "A comparison of simulation event
 * list algorithms", CACM 18(4), 1975; Jones, CACM 29(4), 1986): fill the list with n events,
 * then repeat "pop the earliest, schedule it again at now + an exponential increment", so the
 * size stays n. The figure is nanoseconds per pop + push at n = 10^3, 10^5 and 10^6.
 *
 * Measured on the engine's `Calendar` (typed arrays, ordered by time, priority, sequence) and,
 * as the baseline, on the textbook alternative: a binary heap of `{ time, priority, seq, kind,
 * a, b }` objects with the same comparator, allocating one object per schedule as simjs and most
 * JavaScript libraries do. Both consume the same precomputed increments, so neither pays for
 * random numbers inside the timed loop.
 */
import seedrandom from "seedrandom";
import { Calendar } from "../src/engine/calendar.ts";
import { collectGarbage, nowMs } from "./measure.ts";

const INCREMENTS = 1 << 16;
// EventPriority.complete: every event has the same priority, so ties (none in practice) go by sequence.
const PRIORITY = 10;

/** Exponential increments of mean 1, shared by both event lists (a power-of-two table). */
function increments(seed: string): Float64Array {
  const r = seedrandom.alea(seed);
  const out = new Float64Array(INCREMENTS);
  for (let i = 0; i < INCREMENTS; i++) out[i] = 0 - Math.log(1 - r());
  return out;
}

/** What a hold run reports. */
export interface HoldFigure {
  /** Pending events during the timed holds. */
  pending: number;
  /** Timed pop + push pairs. */
  holds: number;
  /** Wall time of the timed holds (s). */
  seconds: number;
  /** Nanoseconds per pop + push. */
  nsPerHold: number;
  /** Sum of popped times, returned so the loop cannot be optimised away. */
  checksum: number;
}

/** Initial event times: exponential of mean 1, from their own stream (not timed). */
function fillTimes(pending: number): Float64Array {
  const r = seedrandom.alea("fill");
  const out = new Float64Array(pending);
  for (let i = 0; i < pending; i++) out[i] = 0 - Math.log(1 - r());
  return out;
}

function figure(pending: number, holds: number, t0: number, checksum: number): HoldFigure {
  const seconds = (nowMs() - t0) / 1000;
  return { pending, holds, seconds, nsPerHold: (seconds * 1e9) / holds, checksum };
}

/**
 * Hold model on the engine's Calendar: `pending` events, `warmupHolds` untimed holds (so the
 * time distribution in the list settles), then `holds` timed ones.
 */
export function holdCalendar(pending: number, holds: number, warmupHolds = Math.min(pending, holds)): HoldFigure {
  const inc = increments("hold");
  const mask = INCREMENTS - 1;
  const cal = new Calendar(1024);
  const times = fillTimes(pending);
  for (let i = 0; i < pending; i++) cal.schedule(times[i]!, PRIORITY, 1, i, 0);
  let j = 0;
  let checksum = 0;
  // The loops are written out in each function (not shared through a callback) so that each
  // list's pop and push can be inlined into its own loop.
  for (let i = 0; i < warmupHolds; i++) {
    cal.pop();
    cal.schedule(cal.time + inc[j++ & mask]!, PRIORITY, cal.kind, cal.a, cal.b);
  }
  collectGarbage();
  const t0 = nowMs();
  for (let i = 0; i < holds; i++) {
    cal.pop();
    checksum += cal.time;
    cal.schedule(cal.time + inc[j++ & mask]!, PRIORITY, cal.kind, cal.a, cal.b);
  }
  return figure(pending, holds, t0, checksum);
}

interface EventObject {
  time: number;
  priority: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
}

function before(x: EventObject, y: EventObject): boolean {
  return x.time < y.time || (x.time === y.time && (x.priority < y.priority || (x.priority === y.priority && x.seq < y.seq)));
}

/** The baseline: a binary min-heap of event objects in a plain array, ordered like the Calendar. */
export class ObjectHeap {
  private readonly heap: EventObject[] = [];
  private seq = 0;

  /** Number of pending events. */
  get size(): number {
    return this.heap.length;
  }

  /** Schedules a new event object (one allocation per call). */
  push(time: number, priority: number, kind: number, a: number, b: number): void {
    const h = this.heap;
    const e: EventObject = { time, priority, seq: this.seq++, kind, a, b };
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (!before(e, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = e;
  }

  /** Removes and returns the earliest event, or undefined when empty. */
  pop(): EventObject | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    const n = h.length;
    if (n === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let child = h[c]!;
      if (c + 1 < n && before(h[c + 1]!, child)) child = h[++c]!;
      if (!before(child, last)) break;
      h[i] = child;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

/** Hold model on the object-heap baseline, with the same parameters as `holdCalendar`. */
export function holdObjectHeap(pending: number, holds: number, warmupHolds = Math.min(pending, holds)): HoldFigure {
  const inc = increments("hold");
  const mask = INCREMENTS - 1;
  const heap = new ObjectHeap();
  const times = fillTimes(pending);
  for (let i = 0; i < pending; i++) heap.push(times[i]!, PRIORITY, 1, i, 0);
  let j = 0;
  let checksum = 0;
  for (let i = 0; i < warmupHolds; i++) {
    const e = heap.pop()!;
    heap.push(e.time + inc[j++ & mask]!, PRIORITY, e.kind, e.a, e.b);
  }
  collectGarbage();
  const t0 = nowMs();
  for (let i = 0; i < holds; i++) {
    const e = heap.pop()!;
    checksum += e.time;
    heap.push(e.time + inc[j++ & mask]!, PRIORITY, e.kind, e.a, e.b);
  }
  return figure(pending, holds, t0, checksum);
}
