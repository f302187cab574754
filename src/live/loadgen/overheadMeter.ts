import { BatchSeries, QuantileSketch } from "../../stats/index.ts";
import { seriesEstimate } from "./meter.ts";
import type { OverheadDelays } from "./replay.ts";
import type { OverheadEstimate, Overheads } from "./types.ts";

/**
 * A sample is taken only when the order of events is beyond doubt: the consumer went idle at
 * least this long before the publish (publish-to-deliver), or the message was published at
 * least this long before the ack (ack-to-next-deliver). 2 ms is about three times the overheads
 * measured here, so an ack still on its way to the broker cannot masquerade as either.
 */
export const GUARD_MS = 2;

/** How the overheads are measured (carried in the result). */
export const overheadMethod =
  "publishToDeliver: delivery time minus publish time, over first deliveries to a consumer that had been idle (nothing in service or buffered) since at least " +
  `${GUARD_MS} ms before the publish; ackToNextDeliver: delivery time minus the consumer's last ack, over first deliveries to an idle consumer of a message published at least ${GUARD_MS} ms before that ack ` +
  "(it was waiting in the queue, so only the broker's ack-to-delivery path remains; needs prefetch 1, since a larger window holds the next message already); " +
  "serviceOverrun: time from start of work until the consumer is ready for its next message (ack or nack sent, bookkeeping done) minus the drawn service demand " +
  "(client timers, the ack call, event-loop stalls). " +
  "Publisher and consumers share one process clock; means with batch-means 95% half-widths in delivery order.";

class Samples {
  readonly series = new BatchSeries();
  readonly sketch: QuantileSketch | null;

  constructor(nonNegative: boolean) {
    this.sketch = nonNegative ? new QuantileSketch({ relativeAccuracy: 0.01, minValue: 1e-4 }) : null;
  }

  add(ms: number): void {
    if (!Number.isFinite(ms)) return;
    this.series.add(ms);
    this.sketch?.add(Math.max(0, ms));
  }

  estimate(): OverheadEstimate {
    const n = this.series.count;
    const e = seriesEstimate(this.series);
    const q = (p: number) => (this.sketch && this.sketch.count > 0 ? this.sketch.quantile(p) : null);
    return { meanMs: n > 0 ? e.mean : null, ci95Ms: e.ci95, p50Ms: q(0.5), p99Ms: q(0.99), samples: n };
  }
}

/** Collects the three per-message overheads of a run (ms). */
export class OverheadMeter {
  private readonly publishToDeliver = new Samples(true);
  private readonly ackToNextDeliver = new Samples(true);
  private readonly serviceOverrun = new Samples(false);

  /**
   * @param prefetch the consumers' window: ack-to-next-deliver is sampled with prefetch 1 only,
   *   since with a larger window a waiting message is already buffered (or the gap is a stall).
   */
  constructor(private readonly prefetch: number) {}

  /** A first delivery to a consumer idle since `idleSinceMs`, of a message published at `publishedMs`, arrived at `deliveredMs`. */
  delivery(idleSinceMs: number, publishedMs: number, deliveredMs: number): void {
    if (idleSinceMs <= publishedMs - GUARD_MS) this.publishToDeliver.add(deliveredMs - publishedMs);
    else if (this.prefetch === 1 && publishedMs <= idleSinceMs - GUARD_MS) this.ackToNextDeliver.add(deliveredMs - idleSinceMs);
  }

  /** A consumer spent `workMs` on a delivery (start to ready for the next) whose drawn demand was `demandMs`. */
  work(workMs: number, demandMs: number): void {
    this.serviceOverrun.add(workMs - demandMs);
  }

  /** The measured distributions as inverse CDFs (s), for the replay; null without samples. */
  delays(): OverheadDelays {
    // Rank floor(u n) of n, each with weight 1/n (the sketch's own q maps to rank floor(q (n - 1))).
    const inverse = (x: Samples) => {
      const sketch = x.sketch;
      if (!sketch || sketch.count === 0) return null;
      const n = sketch.count;
      return (u: number) => sketch.quantile(n > 1 ? Math.min(n - 1, Math.floor(u * n)) / (n - 1) : 0) / 1000;
    };
    return { publishToDeliverS: inverse(this.publishToDeliver), ackToNextDeliverS: inverse(this.ackToNextDeliver) };
  }

  /** The overheads as the result carries them. */
  result(): Overheads {
    const detail = {
      publishToDeliver: this.publishToDeliver.estimate(),
      ackToNextDeliver: this.ackToNextDeliver.estimate(),
      serviceOverrun: this.serviceOverrun.estimate(),
    };
    return {
      publishToDeliverMs: detail.publishToDeliver.meanMs,
      ackToNextDeliverMs: detail.ackToNextDeliver.meanMs,
      serviceOverrunMs: detail.serviceOverrun.meanMs,
      detail,
      method: overheadMethod,
    };
  }
}
