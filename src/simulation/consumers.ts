import { Deque } from "../broker/ready/deque.ts";
import type { MessageStore } from "../broker/messageStore.ts";

/**
 * The consumer applications of one queue: each works on one delivered message at a time, in
 * delivery order, and holds the rest of its prefetch window in a local buffer, as an AMQP client
 * does. With "unlimited" consumers every delivery starts service at once and no state is kept.
 */
export class ConsumerPool {
  /** Message in service per consumer, -1 when idle. */
  readonly inService: Int32Array;
  /** Delivered messages waiting in each consumer's window (null when prefetch is 1: the window holds only the one in service). */
  private readonly windows: Deque[] | null;

  constructor(consumers: number, prefetch: number, store: MessageStore) {
    const n = consumers === Infinity ? 0 : consumers;
    this.inService = new Int32Array(n).fill(-1);
    this.windows = prefetch === 1 || n === 0 ? null : Array.from({ length: n }, () => new Deque(store, Math.min(prefetch || 64, 1024)));
  }

  /** True when `consumer` can start `msg` now; otherwise the message is buffered in its window. */
  offer(consumer: number, msg: number): boolean {
    if (consumer < 0 || this.inService[consumer] === -1) return true;
    this.windows![consumer]!.pushBack(msg);
    return false;
  }

  /** Marks `consumer` idle and returns the next buffered message it should start, or -1. */
  finish(consumer: number): number {
    if (consumer < 0) return -1;
    this.inService[consumer] = -1;
    return this.windows ? this.windows[consumer]!.popFront() : -1;
  }

  /** Messages delivered to consumers but not yet started. */
  buffered(): number {
    let n = 0;
    if (this.windows) for (const w of this.windows) n += w.size;
    return n;
  }

  reset(): void {
    this.inService.fill(-1);
    if (this.windows) for (const w of this.windows) w.clear();
  }
}
