import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BrokerQueue, PublishOutcome, type BrokerHost } from "../../src/broker/brokerQueue.ts";
import { MessageStore } from "../../src/broker/messageStore.ts";

type Op = { kind: "publish" } | { kind: "ack" | "nack" | "requeue"; pick: number } | { kind: "expire"; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: "publish" as const }),
  fc.record({ kind: fc.constantFrom("ack" as const, "nack" as const, "requeue" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("expire" as const), pick: fc.nat() }),
);

describe("BrokerQueue invariants (property)", () => {
  it("never gives a message to two consumers, never exceeds prefetch, and loses nothing", () => {
    fc.assert(
      fc.property(
        fc.record({
          consumers: fc.integer({ min: 1, max: 4 }),
          prefetch: fc.integer({ min: 0, max: 3 }),
          capacity: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
          overflow: fc.constantFrom("reject-publish" as const, "drop-head" as const),
          discipline: fc.constantFrom("fifo" as const, "lifo" as const, "random" as const),
          maxDeliveries: fc.integer({ min: 0, max: 3 }),
          ttl: fc.boolean(),
        }),
        fc.array(opArb, { maxLength: 200 }),
        (o, ops) => {
          const store = new MessageStore(4);
          const holder = new Map<number, number>(); // message -> consumer
          const timers = new Map<number, number>(); // handle -> message
          let handle = 0;
          let gone = 0;
          const host: BrokerHost = {
            deliver: (_q, c, msg) => {
              expect(holder.has(msg), `m${msg} delivered twice`).toBe(false);
              holder.set(msg, c);
            },
            deadLetter: (_q, msg) => { gone++; store.free(msg); },
            setTimer: (_q, msg) => { timers.set(handle, msg); return handle++; },
            cancelTimer: (h) => void timers.delete(h),
          };
          let r = 0.37;
          const q = new BrokerQueue(0, "q", { ...o, ttl: o.ttl ? () => 1 : null, orderRandom: () => (r = (r * 9301 + 49297) % 233280 / 233280) }, store, host);
          let published = 0;
          let acked = 0;
          let now = 0;
          for (const op of ops) {
            now += 0.01;
            if (op.kind === "publish") {
              published++;
              const m = store.alloc(now);
              if (q.publish(m, now) === PublishOutcome.refused) { gone++; store.free(m); }
            } else if (op.kind === "expire") {
              const entries = [...timers];
              if (entries.length === 0) continue;
              const [h, msg] = entries[op.pick % entries.length]!;
              timers.delete(h);
              q.expire(msg, now);
            } else {
              const held = [...holder];
              if (held.length === 0) continue;
              const [msg, c] = held[op.pick % held.length]!;
              holder.delete(msg);
              if (op.kind === "ack") { q.ack(c, msg, now); acked++; store.free(msg); }
              else q.nack(c, msg, op.kind === "requeue", now);
            }
            for (let c = 0; c < o.consumers; c++) if (o.prefetch > 0) expect(q.unackedBy(c)).toBeLessThanOrEqual(o.prefetch);
            expect(q.unacked).toBe(holder.size);
            if (o.capacity !== null) expect(q.readyCount).toBeLessThanOrEqual(o.capacity);
            // A consumer with room never sits idle while messages are ready.
            if (q.readyCount > 0) expect(q.consumersWithCredit).toBe(0);
          }
          expect(published).toBe(acked + gone + q.readyCount + q.unacked);
          const c = q.counts;
          expect(c.published).toBe(c.acked + c.expired + c.deadLettered + c.dropped + q.readyCount + q.unacked);
        },
      ),
      { numRuns: 400 },
    );
  });
});
