import { nowMs, sleepUntil } from "./clock.ts";
import { Flag, type MessageLedger } from "./ledger.ts";
import type { Meter } from "./meter.ts";
import type { OverheadMeter } from "./overheadMeter.ts";
import { decodeBody, type MessageBody } from "./plan.ts";
import type { Delivery } from "./session.ts";

/** What the consumers of a run share. */
export interface WorkerContext {
  ledger: MessageLedger;
  meter: Meter;
  overheads: OverheadMeter;
  /** Epoch ms of the start of the run (time 0 of the meter and the ledger). */
  startMs: number;
  /** Aborted when the run halts (connection lost, interrupt): work in progress is abandoned unacked. */
  halt: AbortSignal;
  counts: { delivered: number; redelivered: number; nacked: number; foreign: number };
}

interface Held {
  delivery: Delivery;
  body: MessageBody;
  attempt: number;
  /** The consumer was busy, or had messages buffered, when the message was published. */
  foundBusy: boolean;
}

/**
 * One consumer application: takes deliveries in order, works on one at a time for its drawn
 * service demand (the rest of the prefetch window waits in a local buffer, as in an AMQP
 * client), then acks, or nacks as the message's plan says. Measures each message's wait from
 * publish to the start of work, so a message sitting in the buffer counts as waiting.
 */
export class ConsumerWorker {
  private readonly buffer: Held[] = [];
  private head = 0;
  private busy = false;
  private idleSinceMs: number;

  constructor(private readonly ctx: WorkerContext) {
    this.idleSinceMs = nowMs();
  }

  /** Messages delivered to this consumer and not yet finished. */
  get holding(): number {
    return this.buffer.length - this.head + (this.busy ? 1 : 0);
  }

  /** The session's delivery callback. */
  readonly onMessage = (delivery: Delivery): void => {
    const t = nowMs();
    const ctx = this.ctx;
    const body = decodeBody(delivery.body);
    if (!body || !ctx.ledger.has(body.seq)) {
      // Not one of this run's messages: put it back untouched, after a pause so it cannot spin.
      ctx.counts.foreign++;
      setTimeout(() => safely(() => delivery.nack(true)), 100);
      return;
    }
    const ledger = ctx.ledger;
    const attempt = Math.min(255, ledger.attempts[body.seq]! + 1);
    ledger.attempts[body.seq] = attempt;
    ctx.counts.delivered++;
    if (delivery.redelivered) ctx.counts.redelivered++;
    const idle = !this.busy && this.head === this.buffer.length;
    if (idle && attempt === 1 && !delivery.redelivered) ctx.overheads.delivery(this.idleSinceMs, body.publishedMs, t);
    const foundBusy = !idle || this.idleSinceMs > body.publishedMs || attempt > 1;
    this.buffer.push({ delivery, body, attempt, foundBusy });
    if (!this.busy) void this.workNext();
  };

  private async workNext(): Promise<void> {
    while (this.head < this.buffer.length && !this.ctx.halt.aborted) {
      const held = this.buffer[this.head]!;
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.buffer.length) {
        this.buffer.splice(0, this.head);
        this.head = 0;
      }
      this.busy = true;
      const start = nowMs();
      this.ctx.meter.started((start - this.ctx.startMs) / 1000);
      const plan = held.body.serviceS;
      const demandS = plan[Math.min(held.attempt, plan.length) - 1]!;
      await sleepUntil(start + demandS * 1000, this.ctx.halt);
      if (this.ctx.halt.aborted) break;
      this.finish(held, start, demandS);
      this.busy = false;
    }
    if (this.ctx.halt.aborted) return;
    this.busy = false;
    this.idleSinceMs = nowMs();
  }

  /**
   * Acks or nacks as planned, then records: the sojourn ends when the ack is handed to the
   * client library; the consumer's time on the message (for the overrun and the replay) runs
   * until it is ready for the next one, bookkeeping included.
   */
  private finish(held: Held, start: number, demandS: number): void {
    const { ledger, meter, overheads, counts, startMs } = this.ctx;
    const { body, attempt } = held;
    const seq = body.seq;
    const nack = attempt <= body.nacks || (body.deadLetter && attempt >= body.serviceS.length);
    const requeue = nack && attempt <= body.nacks;
    const ok = safely(() => (nack ? held.delivery.nack(requeue) : held.delivery.ack()));
    const end = nowMs();
    if (!ok) return;
    meter.finished((end - startMs) / 1000, (end - start) / 1000, demandS, requeue, !requeue);
    if (nack) {
      counts.nacked++;
      if (!requeue) ledger.mark(seq, Flag.deadLettered);
    } else {
      ledger.mark(seq, Flag.acked);
      const waitMs = start - body.publishedMs;
      const sojournMs = end - body.publishedMs;
      ledger.waitMs[seq] = waitMs;
      ledger.sojournMs[seq] = sojournMs;
      ledger.workMs[seq] = end - start;
      meter.served(waitMs / 1000, sojournMs / 1000, held.foundBusy);
    }
    const ready = nowMs();
    if (!nack) ledger.busyMs[seq] = ready - start;
    overheads.work(ready - start, demandS * 1000);
  }
}

/** Runs a broker call that throws on a closed channel; false when it did. */
function safely(call: () => void): boolean {
  try {
    call();
    return true;
  } catch {
    return false;
  }
}
