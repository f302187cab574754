/**
 * A bounded record of each queue's length over simulated time, for the "queue length over time"
 * chart: snapshots of ready + unacked every `interval` seconds; when `maxPoints` are held, every
 * other point is dropped and the interval doubles, so memory is fixed for any run length.
 */
export class PathRecorder {
  readonly times: number[] = [];
  /** lengths[q][i]: messages in queue q at times[i]. */
  readonly lengths: number[][];
  next = 0;

  constructor(queues: number, private interval: number, private readonly maxPoints = 400) {
    this.lengths = Array.from({ length: queues }, () => []);
  }

  /** Records the lengths at `now` (the caller calls this once `now >= next`). */
  record(now: number, lengthOf: (q: number) => number): void {
    if (this.times.length >= this.maxPoints) {
      const keep = (_: unknown, i: number) => i % 2 === 0;
      this.times.splice(0, this.times.length, ...this.times.filter(keep));
      for (const l of this.lengths) l.splice(0, l.length, ...l.filter(keep));
      this.interval *= 2;
    }
    this.times.push(now);
    this.lengths.forEach((l, q) => l.push(lengthOf(q)));
    this.next = now + this.interval;
  }
}
