/**
 * What a live source of broker metrics reports, the in-browser broker today and a real broker
 * later: the figures RabbitMQ's management API gives for a queue, over simulated seconds.
 * A "live comparison" view reads any `LiveMetricsSource` through this interface only.
 */
export interface LiveMetrics {
  queueId: string;
  /** Seconds since the source started (simulated seconds for the in-browser broker). */
  timeS: number;
  /** Messages per second over the last `windowS` seconds. */
  publishRatePerS: number;
  deliverRatePerS: number;
  ackRatePerS: number;
  windowS: number;
  /** Messages ready (waiting) and delivered but not yet acked, now. */
  ready: number;
  unacked: number;
  /** Consumers attached, and how many are working on a message now. */
  consumers: number | "unlimited";
  busyConsumers: number;
  prefetch: number;
  /** Totals since the start. */
  published: number;
  acked: number;
  redelivered: number;
  expired: number;
  deadLettered: number;
  dropped: number;
}

export interface LiveMetricsSource {
  snapshot(): LiveMetrics;
  /** Calls `listener` whenever the metrics may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Rates over a sliding window from samples of cumulative counters taken at simulated times. */
export class RateWindow {
  private samples: { t: number; published: number; delivered: number; acked: number }[] = [];

  constructor(readonly windowS: number) {}

  add(t: number, published: number, delivered: number, acked: number): void {
    this.samples.push({ t, published, delivered, acked });
    while (this.samples.length > 2 && this.samples[1]!.t <= t - this.windowS) this.samples.shift();
  }

  /** Per-second rates between the oldest sample in the window and the newest; 0 before two samples. */
  rates(): { publish: number; deliver: number; ack: number } {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    const dt = first && last ? last.t - first.t : 0;
    if (!first || !last || !(dt > 0)) return { publish: 0, deliver: 0, ack: 0 };
    return { publish: (last.published - first.published) / dt, deliver: (last.delivered - first.delivered) / dt, ack: (last.acked - first.acked) / dt };
  }

  clear(): void {
    this.samples = [];
  }
}
