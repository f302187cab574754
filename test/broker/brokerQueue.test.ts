import { describe, expect, it } from "vitest";
import { BrokerQueue, PublishOutcome, type BrokerHost, type BrokerQueueOptions } from "../../src/broker/brokerQueue.ts";
import { deadLetterReasons } from "../../src/broker/counts.ts";
import { MessageStore } from "../../src/broker/messageStore.ts";

/** A host that records every delivery and dead letter, with timers fired by hand. */
function harness(options: Partial<BrokerQueueOptions>) {
  const log: string[] = [];
  const timers = new Map<number, { msg: number; at: number }>();
  let nextTimer = 0;
  const store = new MessageStore(4);
  const host: BrokerHost = {
    deliver: (_q, c, msg) => log.push(`deliver m${msg} -> c${c}${store.deliveries[msg]! > 1 ? " (redelivered)" : ""}`),
    deadLetter: (_q, msg, reason) => {
      log.push(`dead-letter m${msg} ${deadLetterReasons[reason]}`);
      store.free(msg);
    },
    setTimer: (_q, msg, at) => {
      timers.set(nextTimer, { msg, at });
      return nextTimer++;
    },
    cancelTimer: (h) => void timers.delete(h),
  };
  const q = new BrokerQueue(0, "q", {
    consumers: 1, prefetch: 1, capacity: null, overflow: "reject-publish", discipline: "fifo", ttl: null, maxDeliveries: 0, ...options,
  }, store, host);
  const publish = (now: number) => {
    const m = store.alloc(now);
    log.push(`publish m${m}`);
    const out = q.publish(m, now);
    if (out !== PublishOutcome.delivered) log.push(`${["delivered", "queued", "refused", "dead-lettered"][out]} m${m}`);
    if (out === PublishOutcome.refused) store.free(m);
    return m;
  };
  const fire = (now: number) => {
    for (const [h, t] of [...timers]) if (t.at <= now) { timers.delete(h); q.expire(t.msg, now); }
  };
  return { q, store, log, publish, fire, timers };
}

describe("BrokerQueue", () => {
  it("holds at most prefetch unacked messages per consumer and round-robins deliveries", () => {
    const h = harness({ consumers: 2, prefetch: 2 });
    for (let i = 0; i < 5; i++) h.publish(0);
    expect(h.log).toEqual([
      "publish m0", "deliver m0 -> c0",
      "publish m1", "deliver m1 -> c1",
      "publish m2", "deliver m2 -> c0",
      "publish m3", "deliver m3 -> c1",
      "publish m4", "queued m4",
    ]);
    expect(h.q.unackedBy(0)).toBe(2);
    expect(h.q.unackedBy(1)).toBe(2);
    expect(h.q.readyCount).toBe(1);
    h.log.length = 0;
    h.q.ack(1, 1, 1);
    expect(h.log).toEqual(["deliver m4 -> c1"]);
  });

  it("requeues a nacked message to the head, flagged redelivered, and dead-letters it at the delivery limit", () => {
    const h = harness({ maxDeliveries: 2 });
    const m0 = h.publish(0);
    h.publish(0);
    h.q.nack(0, m0, true, 1);
    h.q.nack(0, m0, true, 2);
    expect(h.log).toEqual([
      "publish m0", "deliver m0 -> c0",
      "publish m1", "queued m1",
      "deliver m0 -> c0 (redelivered)",
      "dead-letter m0 delivery_limit",
      "deliver m1 -> c0",
    ]);
    expect(h.q.counts).toMatchObject({ published: 2, delivered: 3, redelivered: 1, nacked: 2, deadLettered: 1 });
  });

  it("dead-letters a nack without requeue as rejected", () => {
    const h = harness({});
    const m = h.publish(0);
    h.q.nack(0, m, false, 1);
    expect(h.log.at(-1)).toBe("dead-letter m0 rejected");
    expect(h.q.counts.deadLetteredByReason.rejected).toBe(1);
  });

  it("refuses a publish beyond capacity with reject-publish", () => {
    const h = harness({ capacity: 1 });
    h.publish(0);
    h.publish(0);
    h.publish(0);
    expect(h.log).toEqual(["publish m0", "deliver m0 -> c0", "publish m1", "queued m1", "publish m2", "refused m2"]);
    expect(h.q.counts.dropped).toBe(1);
  });

  it("dead-letters the oldest ready message with drop-head", () => {
    const h = harness({ capacity: 2, overflow: "drop-head" });
    for (let i = 0; i < 4; i++) h.publish(i);
    expect(h.log).toEqual([
      "publish m0", "deliver m0 -> c0", "publish m1", "queued m1", "publish m2", "queued m2",
      "publish m3", "dead-letter m1 maxlen", "queued m3",
    ]);
    expect(h.q.readyCount).toBe(2);
  });

  it("treats capacity 0 as a loss system: no waiting room", () => {
    const h = harness({ capacity: 0 });
    h.publish(0);
    h.publish(0);
    expect(h.log).toEqual(["publish m0", "deliver m0 -> c0", "publish m1", "refused m1"]);
  });

  it("expires a ready message at its TTL and cancels the timer of a delivered one", () => {
    const h = harness({ ttl: () => 5 });
    const m0 = h.publish(0);
    h.publish(1);
    h.publish(2);
    expect(h.timers.size).toBe(2);
    h.q.ack(0, m0, 3); // m1 is delivered: its timer goes
    expect(h.timers.size).toBe(1);
    h.fire(7); // m2 was published at 2 with TTL 5
    expect(h.log).toEqual([
      "publish m0", "deliver m0 -> c0", "publish m1", "queued m1", "publish m2", "queued m2",
      "deliver m1 -> c0", "dead-letter m2 expired",
    ]);
    expect(h.q.counts.expired).toBe(1);
    expect(h.q.readyCount).toBe(0);
  });

  it("serves the highest priority first, FIFO within a level", () => {
    const h = harness({ discipline: "priority", levelOfClass: [1, 0], levels: 2 });
    const m0 = h.publish(0);
    for (const cls of [0, 1, 0, 1]) {
      const m = h.store.alloc(0);
      h.store.cls[m] = cls;
      h.q.publish(m, 0);
    }
    const order: number[] = [];
    let held = m0;
    for (let i = 0; i < 4; i++) {
      h.log.length = 0;
      h.q.ack(0, held, i + 1);
      held = Number(/m(\d+)/.exec(h.log[0]!)![1]);
      order.push(h.store.cls[held]!);
    }
    expect(order).toEqual([1, 1, 0, 0]);
  });

  it("integrates ready, unacked and consumer-capacity time", () => {
    const h = harness({});
    h.publish(0); // delivered: unacked 1 from 0
    h.publish(1); // ready 1 from 1
    h.q.ack(0, 0, 3); // m1 delivered at 3
    h.q.advance(4);
    expect(h.q.readyArea).toBe(2);
    expect(h.q.unackedArea).toBe(4);
    expect(h.q.creditArea).toBe(0);
  });
});
