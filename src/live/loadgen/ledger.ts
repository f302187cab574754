/** Message states in the ledger, as bit flags. */
export const Flag = { sent: 1, confirmed: 2, refused: 4, acked: 8, deadLettered: 16 } as const;

const FINAL = Flag.acked | Flag.deadLettered | Flag.refused;

/**
 * What happened to each message of a run, by sequence number: 26 bytes a message in typed arrays
 * that grow by doubling up to `limit` messages (the run's message limit). It is what makes the
 * end-of-run accounting exact (every message in exactly one final state) and what the replay
 * pairs with, message by message.
 */
export class MessageLedger {
  /** Messages sent so far (the next sequence number). */
  size = 0;
  /** Messages in a final state the client saw: acked, dead-lettered or refused. */
  settled = 0;
  flags = new Uint8Array(1024);
  /** Deliveries seen by our consumers. */
  attempts = new Uint8Array(1024);
  /** Publish time, ms from the start of the run. */
  publishedMs = new Float64Array(1024);
  /** Wait (publish to start of the last attempt) and sojourn (publish to ack), ms; NaN until acked. */
  waitMs = new Float32Array(1024).fill(NaN);
  sojournMs = new Float32Array(1024).fill(NaN);
  /** Last attempt: start of work to the ack (work), and to the consumer being ready for the next message (busy), ms. */
  workMs = new Float32Array(1024);
  busyMs = new Float32Array(1024);

  constructor(readonly limit: number) {}

  /** True when another message fits under the limit. */
  get hasRoom(): boolean {
    return this.size < this.limit;
  }

  /** Records a publish of the next message at `atMs` (ms from the start); returns its sequence number. */
  sent(atMs: number): number {
    const seq = this.size++;
    if (seq >= this.flags.length) this.grow();
    this.flags[seq] = Flag.sent;
    this.publishedMs[seq] = atMs;
    return seq;
  }

  /** True for a sequence number this run published. */
  has(seq: number): boolean {
    return Number.isInteger(seq) && seq >= 0 && seq < this.size;
  }

  /** Sets `flag` on message `seq`, counting it as settled the first time it reaches a final state. */
  mark(seq: number, flag: number): void {
    const before = this.flags[seq]!;
    this.flags[seq] = before | flag;
    if ((before & FINAL) === 0 && (flag & FINAL) !== 0) this.settled++;
  }

  /** True when message `seq` has `flag`. */
  is(seq: number, flag: number): boolean {
    return (this.flags[seq]! & flag) !== 0;
  }

  /** Counts the messages whose flags match `(flags & mask) === value`. */
  count(mask: number, value: number): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) if ((this.flags[i]! & mask) === value) n++;
    return n;
  }

  private grow(): void {
    const n = Math.min(this.flags.length * 2, Math.max(this.limit, 1024));
    const wider = <T extends Uint8Array | Float32Array | Float64Array>(a: T, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.flags = wider(this.flags);
    this.attempts = wider(this.attempts);
    this.publishedMs = wider(this.publishedMs);
    this.waitMs = wider(this.waitMs, NaN);
    this.sojournMs = wider(this.sojournMs, NaN);
    this.workMs = wider(this.workMs);
    this.busyMs = wider(this.busyMs);
  }
}
