import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Calendar } from "../../src/engine/calendar.ts";

function drain(cal: Calendar): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (cal.pop()) out.push([cal.time, cal.kind, cal.a]);
  return out;
}

describe("Calendar", () => {
  it("pops events in time order", () => {
    const cal = new Calendar(4);
    for (const t of [5, 1, 3, 2, 4]) cal.schedule(t, 0, 0, t, 0);
    expect(drain(cal).map((e) => e[0])).toEqual([1, 2, 3, 4, 5]);
  });

  it("discards its events and slots when a run is over, keeping the clock", () => {
    const cal = new Calendar(4);
    for (let t = 1; t <= 3_000; t++) cal.schedule(t, 0, 1, t, 0);
    cal.pop();
    cal.discard();
    expect([cal.time, cal.size, cal.pop()]).toEqual([1, 0, false]);
    cal.schedule(5, 0, 2, 7, 8);
    expect(drain(cal)).toEqual([[5, 2, 7]]);
  });

  it("breaks time ties by same-time priority, then by scheduling order", () => {
    const cal = new Calendar();
    cal.schedule(1, 30, 7, 1, 0);
    cal.schedule(1, 10, 8, 2, 0);
    cal.schedule(1, 30, 9, 3, 0);
    cal.schedule(1, 10, 6, 4, 0);
    expect(drain(cal).map((e) => e[2])).toEqual([2, 4, 1, 3]);
  });

  it("cancels a pending event and ignores a stale handle", () => {
    const cal = new Calendar();
    const h1 = cal.schedule(1, 0, 0, 1, 0);
    const h2 = cal.schedule(2, 0, 0, 2, 0);
    expect(cal.cancel(h1)).toBe(true);
    expect(cal.cancel(h1)).toBe(false);
    expect(cal.pop()).toBe(true);
    expect(cal.a).toBe(2);
    // h2 fired; its slot is reused by the next event, which h2 must not cancel.
    const h3 = cal.schedule(3, 0, 0, 3, 0);
    expect(cal.cancel(h2)).toBe(false);
    expect(cal.size).toBe(1);
    expect(cal.cancel(h3)).toBe(true);
    expect(cal.size).toBe(0);
  });

  it("rejects a NaN time with the time and payload in the message", () => {
    const cal = new Calendar();
    expect(() => cal.schedule(NaN, 0, 1, 2, 3)).toThrow("calendar: event time is NaN (kind 1, payload 2/3, now 0)");
  });

  it("matches a sorted reference under random schedules and cancellations (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 50 }), p: fc.integer({ min: 0, max: 3 }), cancel: fc.boolean() }), { maxLength: 300 }),
        (ops) => {
          const cal = new Calendar(2);
          const ref: { t: number; p: number; seq: number }[] = [];
          ops.forEach((op, seq) => {
            const h = cal.schedule(op.t, op.p, 0, seq, 0);
            if (op.cancel) cal.cancel(h);
            else ref.push({ t: op.t, p: op.p, seq });
          });
          ref.sort((x, y) => x.t - y.t || x.p - y.p || x.seq - y.seq);
          expect(drain(cal).map((e) => e[2])).toEqual(ref.map((r) => r.seq));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("drops cancelled events in bulk and keeps order, size and stale handles right (long timers)", () => {
    // Lazy cancellation: cancelled events stay in the heap until a rebuild; 5,000 of 6,000
    // cancelled forces several rebuilds (from 1,024 dead entries on).
    const cal = new Calendar(2);
    let x = 987;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const live: { t: number; id: number }[] = [];
    const handles: number[] = [];
    for (let id = 0; id < 6000; id++) {
      const t = rand() * 100;
      handles.push(cal.schedule(t, 0, 0, id, 0));
      if (id % 6 === 0) live.push({ t, id });
    }
    for (let id = 0; id < 6000; id++) if (id % 6 !== 0) expect(cal.cancel(handles[id]!)).toBe(true);
    expect(cal.size).toBe(1000);
    // A second cancel of the same handle, after a rebuild released its slot, is refused.
    expect(cal.cancel(handles[1]!)).toBe(false);
    expect(cal.peekTime()).toBe(Math.min(...live.map((e) => e.t)));
    live.sort((p, q) => p.t - q.t || p.id - q.id);
    expect(drain(cal).map((e) => e[2])).toEqual(live.map((e) => e.id));
    expect(cal.size).toBe(0);
  });

  it("keeps FIFO order among equal times and priorities across the renumbering of sequence numbers", () => {
    // Sequence numbers take 23 bits of the packed key and are renumbered every 2^23 schedules.
    // Ten events at one time and priority, scheduled across that point, must pop in the order
    // they were scheduled; so must ties between the hold model's integer times.
    const cal = new Calendar(2);
    for (let i = 0; i < 500; i++) cal.schedule(i % 50, 10, 0, -1, 0);
    let scheduled = 500;
    while (scheduled < 2 ** 23 - 5) {
      cal.pop();
      cal.schedule(cal.time + 1 + (scheduled % 7), 10, 0, -1, 0);
      scheduled++;
    }
    for (let k = 0; k < 10; k++) cal.schedule(1e9, 20, 0, k, 0);
    expect(cal.size).toBe(510);
    let last = -Infinity;
    const tied: number[] = [];
    while (cal.pop()) {
      expect(cal.time).toBeGreaterThanOrEqual(last);
      last = cal.time;
      if (cal.time === 1e9) tied.push(cal.a);
    }
    expect(tied).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses a same-time priority that is not an integer in [0, 64)", () => {
    const cal = new Calendar();
    for (const p of [-1, 64, 2.5, NaN]) expect(() => cal.schedule(0, p, 0, 0, 0)).toThrow(/same-time priority .* is not an integer in \[0, 64\)/);
    expect(() => cal.schedule(0, 63, 0, 0, 0)).not.toThrow();
  });

  it("keeps order through interleaved pops and pushes (hold model)", () => {
    const cal = new Calendar(2);
    let x = 12345;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 1000; i++) cal.schedule(rand(), 0, 0, i, 0);
    let last = -Infinity;
    for (let i = 0; i < 20000; i++) {
      cal.pop();
      expect(cal.time).toBeGreaterThanOrEqual(last);
      last = cal.time;
      cal.schedule(cal.time + rand(), 0, 0, i, 0);
    }
    expect(cal.size).toBe(1000);
  });
});
