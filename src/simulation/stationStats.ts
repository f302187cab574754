import { QuantileSketch } from "../stats/quantileSketch.ts";

/** Per-class figures of one replication. */
export class ClassStats {
  served = 0;
  sumW = 0;
  sumWq = 0;
  readonly wait = new QuantileSketch();
  readonly sojourn = new QuantileSketch();

  reset(): void {
    this.served = this.sumW = this.sumWq = 0;
    this.wait.clear();
    this.sojourn.clear();
  }
}

/**
 * One queue's statistics in one replication after warm-up: message-weighted waits of served
 * messages, the busy-consumer integral (the ready and unacked integrals live in the broker
 * queue), and the publish outcomes needed for pBlock and pExpire. O(1) per message, fixed memory.
 */
export class StationStats {
  /** Consumers in service now, and its integral since `areaStart`. */
  busy = 0;
  busyArea = 0;
  private lastT = 0;

  served = 0;
  sumW = 0;
  sumWq = 0;
  waited = 0;
  readonly wait = new QuantileSketch();
  readonly sojourn = new QuantileSketch();
  readonly classes: ClassStats[];

  /** Publish outcomes counted since warm-up (the broker's own counts include warm-up). */
  published = 0;
  dropped = 0;
  expired = 0;
  /** Oldest messages discarded by drop-head overflow (dead-lettered, reason maxlen) since warm-up. */
  overflowed = 0;

  constructor(classCount: number) {
    this.classes = Array.from({ length: classCount }, () => new ClassStats());
  }

  /** Brings the busy integral up to `now`. */
  advance(now: number): void {
    const dt = now - this.lastT;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      this.lastT = now;
    }
  }

  /** A message was acked after waiting `wq` and spending `w` in the queue in all (s). */
  recordServed(w: number, wq: number, cls: number): void {
    this.served++;
    this.sumW += w;
    this.sumWq += wq;
    if (wq > 0) this.waited++;
    this.wait.add(wq);
    this.sojourn.add(w);
    if (this.classes.length > 0) {
      const c = this.classes[cls]!;
      c.served++;
      c.sumW += w;
      c.sumWq += wq;
      c.wait.add(wq);
      c.sojourn.add(w);
    }
  }

  /** Forgets everything measured (end of warm-up at `now`); `busy` is state and is kept. */
  resetAt(now: number): void {
    this.advance(now);
    this.busyArea = 0;
    this.served = this.sumW = this.sumWq = this.waited = 0;
    this.published = this.dropped = this.expired = this.overflowed = 0;
    this.wait.clear();
    this.sojourn.clear();
    for (const c of this.classes) c.reset();
  }
}
