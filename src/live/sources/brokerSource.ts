import type { BrokerQueue } from "../../broker/brokerQueue.ts";
import type { LiveSample, LiveSource } from "../types.ts";

/** Options of {@link brokerSource}. */
export interface BrokerSourceOptions {
  /** The in-browser broker's queue (src/broker). */
  queue: BrokerQueue;
  /** The broker's clock in seconds (the real-time broker's wall clock). */
  nowS: () => number;
  /**
   * Also report the queue's exact time-integrals of ready and unacked, bringing them up to
   * `nowS()` first, and RabbitMQ's consumer utilisation (the share of the time since the last
   * reading with a consumer able to take a message, from the queue's own integral). Only when
   * every event due by then has run (call right after the broker's tick); otherwise the
   * integrals would run ahead of the queue's state. Default false.
   */
  exactAreas?: boolean;
}

/**
 * The in-browser broker as a live source, the default one: it needs nothing installed. Counts
 * come from the queue's own counters, gauges (ready, unacked, consumers, prefetch) are exact and
 * current, and times are the broker's clock (ms = seconds x 1000).
 */
export function brokerSource(options: BrokerSourceOptions): LiveSource {
  const { queue, nowS, exactAreas = false } = options;
  let last: { now: number; credit: number } | null = null;
  return {
    kind: "in-browser",
    describe: () => `in-browser broker, queue ${JSON.stringify(queue.id)}`,
    sample() {
      const now = nowS();
      const c = queue.counts;
      const unlimited = queue.options.consumers === Infinity;
      const sample: LiveSample = {
        t: now * 1000,
        counters: { published: c.published, delivered: c.delivered, acked: c.acked, redelivered: c.redelivered, expired: c.expired, deadLettered: c.deadLettered, dropped: c.dropped },
        gauges: { ready: queue.readyCount, unacked: queue.unacked, prefetch: queue.options.prefetch },
        notes: unlimited ? ["unlimited consumers: every message is in service at once"] : [],
      };
      if (!unlimited) sample.gauges.consumers = queue.options.consumers;
      if (exactAreas) {
        queue.advance(now);
        sample.integrals = { at: now * 1000, readyS: queue.readyArea, unackedS: queue.unackedArea };
        const dt = last ? now - last.now : 0;
        const share = last ? (queue.creditArea - last.credit) / dt : NaN;
        // A reset of the queue's integrals (a new run) shows as a negative share: skipped.
        if (!unlimited && dt > 0 && share >= 0 && share <= 1 + 1e-9) sample.gauges.consumerUtilisation = Math.min(1, share);
        last = { now, credit: queue.creditArea };
      }
      return Promise.resolve(sample);
    },
  };
}
