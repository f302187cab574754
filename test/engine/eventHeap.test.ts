import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EventHeap, PAYLOAD_SPACE } from "../../src/engine/eventHeap.ts";

/*
 * The EventHeap alone, as FifoNetworkModel uses it: events with their payload in the key, no
 * slots. (The Calendar, built on it, has its own tests, cancellation included.)
 */
describe("EventHeap", () => {
  it("returns -1 when empty and leaves the clock where it was", () => {
    const h = new EventHeap(4);
    expect(h.next()).toBe(-1);
    h.push(2.5, 10, 7);
    expect(h.next()).toBe(7);
    expect(h.time).toBe(2.5);
    expect(h.next()).toBe(-1);
    expect(h.time).toBe(2.5);
  });

  it("discards its events and memory when a run is over, keeping the clock", () => {
    const h = new EventHeap(4);
    for (let i = 0; i < 5_000; i++) h.push(i, 0, i);
    h.next();
    h.discard();
    expect(h.time).toBe(0);
    expect(h.next()).toBe(-1);
    h.push(3, 0, 9);
    expect([h.next(), h.time]).toEqual([9, 3]);
  });

  it("keeps payloads up to 2^24 - 1 exact, at any priority", () => {
    const h = new EventHeap();
    h.push(1, 63, PAYLOAD_SPACE - 1);
    h.push(1, 0, 0);
    h.push(0.5, 40, 123_456);
    expect([h.next(), h.next(), h.next()]).toEqual([123_456, 0, PAYLOAD_SPACE - 1]);
  });

  it("refuses a NaN time and a priority outside [0, 64), naming them", () => {
    const h = new EventHeap();
    expect(() => h.push(NaN, 0, 5)).toThrow("calendar: event time is NaN (payload 5, now 0)");
    for (const p of [-1, 64, 1.5]) expect(() => h.push(0, p, 0)).toThrow(/same-time priority .* is not an integer in \[0, 64\)/);
  });

  it("orders by time, then priority, then push order, as a sorted reference does (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 30 }), p: fc.integer({ min: 0, max: 3 }), pop: fc.boolean() }), { maxLength: 400 }),
        (ops) => {
          const h = new EventHeap(2);
          let pending: { t: number; p: number; seq: number }[] = [];
          const popped: number[] = [];
          const expected: number[] = [];
          const order = (x: { t: number; p: number; seq: number }, y: { t: number; p: number; seq: number }) => x.t - y.t || x.p - y.p || x.seq - y.seq;
          ops.forEach((op, seq) => {
            // A pop takes the earliest pending event; a push never goes before the clock, as in a simulation.
            if (op.pop && pending.length > 0) {
              pending.sort(order);
              expected.push(pending[0]!.seq);
              pending = pending.slice(1);
              popped.push(h.next());
            } else {
              const t = h.time + op.t;
              h.push(t, op.p, seq);
              pending.push({ t, p: op.p, seq });
            }
          });
          pending.sort(order);
          for (const e of pending) expected.push(e.seq);
          for (let code = h.next(); code >= 0; code = h.next()) popped.push(code);
          expect(popped).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
