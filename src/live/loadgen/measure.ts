import type { DriveOutcome } from "./driver.ts";
import { proportion, seriesEstimate } from "./meter.ts";
import type { MeasuredQueue } from "./types.ts";

/**
 * The measured block of a run: rates, utilisation and time averages over the publishing window
 * (batch means over one-second intervals), waits and sojourns over every acked message (batch
 * means in ack order, percentiles from the sketches), refusals and expiries as proportions of
 * the published messages.
 */
export function measuredQueue(out: DriveOutcome): MeasuredQueue {
  const m = out.meter;
  const c = out.counts;
  return {
    lambda: seriesEstimate(m.publishedRate),
    throughput: seriesEstimate(m.ackedRate),
    utilization: seriesEstimate(m.busyFraction),
    L: seriesEstimate(m.L),
    Lq: seriesEstimate(m.Lq),
    W: seriesEstimate(m.W),
    Wq: seriesEstimate(m.Wq),
    pWait: seriesEstimate(m.waited),
    pBlock: proportion(c.dropped, c.published),
    pExpire: proportion(c.expired, c.published),
    ...m.percentiles(),
    service: { actual: seriesEstimate(m.work), demanded: m.demand.mean },
    publishLagMs: { mean: m.lagMs.mean, max: m.lagMs.count > 0 ? m.lagMs.max : 0 },
    counts: c,
  };
}
