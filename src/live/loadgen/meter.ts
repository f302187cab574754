import { percentilesOf } from "../../simulation/aggregate.ts";
import { BatchSeries, QuantileSketch, RunningStats, TimeAverage, batchMeansCi } from "../../stats/index.ts";
import type { Estimate, Percentiles } from "./types.ts";

/** Batches a batch-means interval rests on (Law & Kelton recommend 10 to 30). */
const BATCHES = 20;

/** Mean of a series with its batch-means 95% half-width; 0 +- 0 when empty. */
export function seriesEstimate(s: BatchSeries): Estimate {
  if (s.count === 0) return { mean: 0, ci95: 0 };
  return { mean: s.mean, ci95: batchMeansCi(s, BATCHES).ci95 };
}

/** A proportion k / n with its normal-approximation 95% half-width (binomial). */
export function proportion(k: number, n: number): Estimate {
  if (n === 0) return { mean: 0, ci95: 0 };
  const p = k / n;
  return { mean: p, ci95: 1.96 * Math.sqrt((p * (1 - p)) / n) };
}

/**
 * The measured figures of a run, streaming and in fixed memory: per acked message its wait and
 * sojourn (means with batch-means intervals in ack order, percentiles from sketches); per
 * one-second interval of the publishing window the published and acked counts and the time
 * integrals of messages in the system, waiting, and consumers busy. Times are s from the start.
 */
export class Meter {
  readonly waitSketch = new QuantileSketch();
  readonly sojournSketch = new QuantileSketch();
  readonly W = new BatchSeries();
  readonly Wq = new BatchSeries();
  readonly waited = new BatchSeries();
  readonly work = new BatchSeries();
  readonly demand = new RunningStats();
  readonly lagMs = new RunningStats();

  readonly publishedRate = new BatchSeries();
  readonly ackedRate = new BatchSeries();
  readonly L = new BatchSeries();
  readonly Lq = new BatchSeries();
  readonly busyFraction = new BatchSeries();

  private readonly inSystem = new TimeAverage();
  private readonly waiting = new TimeAverage();
  private readonly busy = new TimeAverage();
  private nSystem = 0;
  private nWaiting = 0;
  private nBusy = 0;
  private intervalStart = 0;
  private intervalPublished = 0;
  private intervalAcked = 0;
  private open = true;
  private marks = { system: 0, waiting: 0, busy: 0 };

  constructor(private readonly consumers: number) {}

  /** A message was published at `t`, `lagMs` after its scheduled time. */
  published(t: number, lagMs: number): void {
    this.lagMs.add(Math.max(0, lagMs));
    this.intervalPublished++;
    this.inSystem.update(++this.nSystem, t);
    this.waiting.update(++this.nWaiting, t);
  }

  /** A publish was refused or returned at `t`: it never entered the queue. */
  refused(t: number): void {
    this.inSystem.update(--this.nSystem, t);
    this.waiting.update(--this.nWaiting, t);
  }

  /** A consumer started work on a message at `t`. */
  started(t: number): void {
    this.waiting.update(--this.nWaiting, t);
    this.busy.update(++this.nBusy, t);
  }

  /** A consumer finished a message at `t` after working `workS` (demand `demandS`); `requeued` when nacked back to the queue. */
  finished(t: number, workS: number, demandS: number, requeued: boolean, left: boolean): void {
    this.busy.update(--this.nBusy, t);
    this.work.add(workS);
    this.demand.add(demandS);
    if (requeued) this.waiting.update(++this.nWaiting, t);
    if (left) this.inSystem.update(--this.nSystem, t);
  }

  /** An acked message's wait and sojourn (s), and whether it found its consumer busy. */
  served(waitS: number, sojournS: number, didWait: boolean): void {
    this.intervalAcked++;
    this.Wq.add(waitS);
    this.W.add(sojournS);
    this.waited.add(didWait ? 1 : 0);
    this.waitSketch.add(Math.max(0, waitS));
    this.sojournSketch.add(Math.max(0, sojournS));
  }

  /** Closes the one-second interval ending at `t` (while the publishing window is open). */
  tick(at: number): void {
    if (!this.open) return;
    // Deliveries and acks arrive with their own clock readings: one stamped just after a
    // scheduled tick may have been recorded before it. The interval then ends at that reading.
    const t = Math.max(at, this.inSystem.lastTime, this.waiting.lastTime, this.busy.lastTime);
    const dt = t - this.intervalStart;
    if (!(dt > 0)) return;
    const now = { system: this.inSystem.integral(t), waiting: this.waiting.integral(t), busy: this.busy.integral(t) };
    this.publishedRate.addBatch(this.intervalPublished, dt);
    this.ackedRate.addBatch(this.intervalAcked, dt);
    this.L.addBatch(now.system - this.marks.system, dt);
    this.Lq.addBatch(now.waiting - this.marks.waiting, dt);
    this.busyFraction.addBatch((now.busy - this.marks.busy) / this.consumers, dt);
    this.marks = now;
    this.intervalStart = t;
    this.intervalPublished = this.intervalAcked = 0;
  }

  /** Ends the publishing window at `t`: rates and time averages stop here; waits keep counting. */
  closeWindow(t: number): void {
    this.tick(t);
    this.open = false;
  }

  /** Wait and sojourn percentiles, s. */
  percentiles(): { wait: Percentiles; sojourn: Percentiles } {
    return { wait: percentilesOf(this.waitSketch), sojourn: percentilesOf(this.sojournSketch) };
  }
}
