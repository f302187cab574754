import { BatchSeries } from "../stats/batchSeries.ts";
import type { ReplicationModel } from "./replicationModel.ts";
import { metricNames } from "./replicationSummary.ts";

const M = metricNames.length;

/**
 * Batch means for a single long replication: every `batchEvery` departures it adds, for each
 * queue and metric, the increment of the metric's numerator and denominator to a bounded
 * BatchSeries (ratio estimators stay exact under merging). Intervals then come from
 * `batchMeansCi` (Law & Kelton, sec. 9.5.3).
 */
export class BatchRecorder {
  /** series[q][m] for metric m of metricNames; the last entry of `network` is end-to-end W. */
  readonly series: BatchSeries[][];
  readonly network = new BatchSeries({ maxBatches: 1024 });
  private readonly prev: Float64Array;
  private prevNet = [0, 0];

  constructor(private readonly model: ReplicationModel) {
    this.series = model.queues.map(() => Array.from({ length: M }, () => new BatchSeries({ maxBatches: 1024 })));
    this.prev = new Float64Array(model.queues.length * M * 2);
  }

  /** Called by the model every `batchEvery` departures after warm-up. */
  record(): void {
    const m = this.model;
    const now = m.now;
    const span = m.measuredDuration;
    for (let q = 0; q < m.queues.length; q++) {
      const b = m.brokers[q]!;
      const st = m.stats[q]!;
      b.advance(now);
      st.advance(now);
      const c = m.queues[q]!.servers;
      const servers = c === Infinity || c === 0 ? 1 : c;
      const inQueue = b.readyArea + b.unackedArea;
      const pairs = [
        st.served, span,
        st.busyArea / servers, span,
        inQueue, span,
        inQueue - st.busyArea, span,
        st.sumW, st.served,
        st.sumWq, st.served,
        st.waited, st.served,
        st.dropped, st.published,
        st.expired, st.published,
        b.creditArea, span,
        st.dropped + st.overflowed, st.published,
      ];
      const base = q * M * 2;
      for (let k = 0; k < M; k++) {
        const num = pairs[2 * k]!;
        const den = pairs[2 * k + 1]!;
        const dDen = den - this.prev[base + 2 * k + 1]!;
        // A unit with no weight (nothing served at this queue yet) is carried into the next one.
        if (!(dDen > 0)) continue;
        this.series[q]![k]!.addBatch(num - this.prev[base + 2 * k]!, dDen);
        this.prev[base + 2 * k] = num;
        this.prev[base + 2 * k + 1] = den;
      }
    }
    const net = m.network;
    if (net.served > this.prevNet[1]!) {
      this.network.addBatch(net.sumW - this.prevNet[0]!, net.served - this.prevNet[1]!);
      this.prevNet = [net.sumW, net.served];
    }
  }
}
