import { BrokerQueue, PublishOutcome, type BrokerHost } from "../../broker/brokerQueue.ts";
import { MessageStore } from "../../broker/messageStore.ts";
import { Calendar } from "../../engine/calendar.ts";
import { createDistribution } from "../../engine/random/index.ts";
import { createStream, streamName } from "../../engine/rng.ts";
import type { QueueSpec } from "../../scenario/types.ts";
import { BatchSeries } from "../../stats/index.ts";
import type { MessageLedger } from "./ledger.ts";
import { seriesEstimate } from "./meter.ts";
import { MessagePlan, type PlannedMessage } from "./plan.ts";
import type { Overheads, Replayed } from "./types.ts";

/** Same-time order: a consumer finishing before the broker settling before a publish. */
const FINISH = 0, SETTLE = 1, EXPIRE = 2, PUBLISH = 3;

/** Inputs of a replay: the run's queue, seed and window, its ledger and its measured overheads. */
export interface ReplayInput {
  spec: QueueSpec;
  seed: number;
  durationS: number;
  ledger: MessageLedger;
  overheads: Overheads;
  /**
   * The measured overheads as distributions (inverse CDFs, u in [0, 1) to s), so that the replay
   * carries their spread as well as their means; omitted: the means, as constants.
   */
  delays?: OverheadDelays;
}

/** Inverse CDFs of the measured overheads, s; null where there was no sample. */
export interface OverheadDelays {
  publishToDeliverS: ((u: number) => number) | null;
  ackToNextDeliverS: ((u: number) => number) | null;
}

/** How the replay works (carried in the result). */
export const replayMethod =
  "the run's own messages (actual publish times, drawn service demands, and for each acked delivery the measured time to its ack and until its consumer was ready again) " +
  "through Kendall's broker queue (src/broker, RabbitMQ semantics: round-robin within prefetch windows) on the event calendar; " +
  "a publish reaches the broker after a publish-to-deliver delay (drawn from the run's measured distribution, in publish order), an ack frees its window slot after an " +
  "ack-to-next-deliver delay (likewise; publish-to-deliver's when unmeasured), " +
  "unacked attempts take their demand plus the mean service overrun; differences are paired message by message (batch means in publish order)";

/**
 * Replays a run through the src/broker queue with the measured overheads as delays, and pairs
 * each acked message's replayed wait and sojourn with the measured ones: what the model says
 * happened to exactly these messages. The pairing removes the run's sampling noise from the
 * comparison, which is left with what the model leaves out.
 */
export function replayRun(input: ReplayInput): Replayed {
  const { spec, ledger, overheads } = input;
  const consumers = spec.consumers === "unlimited" ? Infinity : spec.consumers;
  const delayRng = createStream(input.seed, streamName(0, "replay-delays", spec.id));
  const constant = (ms: number | null) => () => (ms ?? 0) / 1000;
  const drawD = input.delays?.publishToDeliverS ?? constant(overheads.publishToDeliverMs);
  const drawA = input.delays?.ackToNextDeliverS ?? (overheads.ackToNextDeliverMs !== null ? constant(overheads.ackToNextDeliverMs) : drawD);
  const overrun = (overheads.serviceOverrunMs ?? 0) / 1000;
  const plan = new MessagePlan(spec, input.seed);
  const planned: PlannedMessage[] = [];
  for (let i = 0; i < ledger.size; i++) planned.push(plan.next(input.durationS)!);

  const cal = new Calendar();
  const store = new MessageStore();
  const seqOf = new Map<number, number>();
  const attempts = new Uint8Array(ledger.size);
  const startAt = new Float64Array(ledger.size);
  const W = new Float64Array(ledger.size).fill(NaN);
  const Wq = new Float64Array(ledger.size).fill(NaN);
  const waited = new Uint8Array(ledger.size);
  const workOf = new Float64Array(ledger.size);
  // When each publish reaches the broker: in publish order, as one channel delivers them.
  const arriveAt = new Float64Array(ledger.size);
  for (let seq = 0, last = 0; seq < ledger.size; seq++) last = arriveAt[seq] = Math.max(last, ledger.publishedMs[seq]! / 1000 + drawD(delayRng()));
  const n = Number.isFinite(consumers) ? consumers : 0;
  const busy = new Int32Array(n).fill(-1);
  const buffers: number[][] = Array.from({ length: n }, () => []);
  const ttlDist = spec.ttl === undefined ? null : typeof spec.ttl === "number" ? null : createDistribution(spec.ttl);
  const ttlRng = createStream(input.seed, streamName(0, "replay-ttl", spec.id));

  const start = (c: number, msg: number) => {
    const seq = seqOf.get(msg)!;
    const m = planned[seq]!;
    const attempt = ++attempts[seq]!;
    const final = attempt > m.nacks;
    const measured = final && !Number.isNaN(ledger.sojournMs[seq]!);
    const drawn = Math.max(0, m.serviceS[Math.min(attempt, m.serviceS.length) - 1]! + overrun);
    // The sojourn ends at the ack (work); the consumer is free for the next message a little later (busy).
    workOf[seq] = measured ? ledger.workMs[seq]! / 1000 : drawn;
    if (c >= 0) busy[c] = msg;
    startAt[seq] = cal.time;
    if (cal.time - arriveAt[seq]! > 1e-9) waited[seq] = 1;
    cal.schedule(cal.time + (measured ? Math.max(workOf[seq]!, ledger.busyMs[seq]! / 1000) : drawn), FINISH, FINISH, c, msg);
  };
  const host: BrokerHost = {
    deliver: (_q, c, msg) => {
      if (c < 0 || busy[c] === -1) start(c, msg);
      else buffers[c]!.push(msg);
    },
    deadLetter: (_q, msg) => store.free(msg),
    setTimer: (_q, msg, at) => cal.schedule(at, EXPIRE, EXPIRE, 0, msg),
    cancelTimer: (h) => void cal.cancel(h),
  };
  const ttl = spec.ttl === undefined ? null : typeof spec.ttl === "number" ? () => spec.ttl as number : () => ttlDist!.sample(ttlRng);
  const queue = new BrokerQueue(0, spec.id, {
    consumers, prefetch: spec.prefetch, capacity: spec.capacity, overflow: spec.overflow, discipline: "fifo", ttl, maxDeliveries: 0,
  }, store, host);

  for (let seq = 0; seq < ledger.size; seq++) cal.schedule(arriveAt[seq]!, PUBLISH, PUBLISH, seq, 0);
  while (cal.pop()) {
    const t = cal.time;
    if (cal.kind === PUBLISH) {
      const msg = store.alloc(t);
      seqOf.set(msg, cal.a);
      if (queue.publish(msg, t) === PublishOutcome.refused) store.free(msg);
    } else if (cal.kind === EXPIRE) {
      queue.expire(cal.b, t);
    } else if (cal.kind === FINISH) {
      const c = cal.a, msg = cal.b;
      const seq = seqOf.get(msg)!;
      const m = planned[seq]!;
      const attempt = attempts[seq]!;
      if (attempt > m.nacks && !(m.deadLetter && attempt >= m.serviceS.length)) {
        const published = ledger.publishedMs[seq]! / 1000;
        W[seq] = startAt[seq]! + workOf[seq]! - published;
        Wq[seq] = startAt[seq]! - published;
      }
      cal.schedule(t + drawA(delayRng()), SETTLE, SETTLE, c, msg);
      if (c >= 0) {
        busy[c] = -1;
        const next = buffers[c]!.shift();
        if (next !== undefined) start(c, next);
      }
    } else {
      const c = cal.a, msg = cal.b;
      const seq = seqOf.get(msg)!;
      const m = planned[seq]!;
      const attempt = attempts[seq]!;
      if (attempt <= m.nacks) queue.nack(c, msg, true, t);
      else if (m.deadLetter && attempt >= m.serviceS.length) queue.nack(c, msg, false, t);
      else {
        queue.ack(c, msg, t);
        store.free(msg);
      }
    }
  }
  return pair(ledger, W, Wq, waited);
}

function pair(ledger: MessageLedger, W: Float64Array, Wq: Float64Array, waited: Uint8Array): Replayed {
  const dW = new BatchSeries();
  const dWq = new BatchSeries();
  let sumW = 0, sumWq = 0, nWaited = 0, n = 0;
  for (let seq = 0; seq < ledger.size; seq++) {
    if (Number.isNaN(W[seq]!)) continue;
    n++;
    sumW += W[seq]!;
    sumWq += Wq[seq]!;
    nWaited += waited[seq]!;
    const measured = ledger.sojournMs[seq]!;
    if (Number.isNaN(measured)) continue;
    dW.add(measured / 1000 - W[seq]!);
    dWq.add(ledger.waitMs[seq]! / 1000 - Wq[seq]!);
  }
  return {
    W: n ? sumW / n : 0, Wq: n ? sumWq / n : 0, pWait: n ? nWaited / n : 0,
    differenceW: seriesEstimate(dW), differenceWq: seriesEstimate(dWq), messages: dW.count, method: replayMethod,
  };
}
