import type { QueueSpec } from "../../scenario/types.ts";
import { nowMs, sleepUntil } from "./clock.ts";
import { ConsumerWorker, type WorkerContext } from "./consumerWorker.ts";
import { settleCounts } from "./counts.ts";
import { Flag, MessageLedger } from "./ledger.ts";
import { Meter } from "./meter.ts";
import { OverheadMeter } from "./overheadMeter.ts";
import { encodeBody, MessagePlan } from "./plan.ts";
import type { BrokerSession } from "./session.ts";
import type { LoadgenCounts, LoadgenStopped } from "./types.ts";

/** How long a run publishes and how long it may drain; every loop is bounded by these. */
export interface DriveOptions {
  /** The scenario queue to drive (validated) and its field path for messages. */
  spec: QueueSpec;
  path?: string;
  seed: number;
  /** Seconds of publishing, > 0. */
  durationS: number;
  /** Longest wait after publishing for the last messages to be acked, s. Default 30. */
  drainS?: number;
  /** Most messages published; the run stops early when reached. Default 1,000,000. */
  messageLimit?: number;
  /** Aborting stops the run at once, keeping the figures so far (Ctrl-C). */
  signal?: AbortSignal;
}

/** What a run measured, before it is summarised. */
export interface DriveOutcome {
  startMs: number;
  publishedForS: number;
  drainedForS: number;
  ledger: MessageLedger;
  meter: Meter;
  overheads: OverheadMeter;
  counts: LoadgenCounts;
  stopped: LoadgenStopped | null;
  notes: string[];
}

/** After publishing, the drain also ends when every consumer has been idle this long (TTL or drop-head removes messages unseen). */
const QUIET_MS = 2000;

/**
 * Drives an open broker session with one scenario queue: starts the consumers, publishes the
 * planned messages at their absolute due times (a late wake-up does not shift the ones after
 * it), lets the consumers drain, then stops them, counts what is left and cleans up. A dropped
 * connection or an abort ends the run at once with the figures so far; the session is always
 * closed.
 */
export async function driveLoad(session: BrokerSession, options: DriveOptions): Promise<DriveOutcome> {
  const { spec, durationS } = options;
  const consumers = spec.consumers === "unlimited" ? 0 : spec.consumers;
  const plan = new MessagePlan(spec, options.seed, options.path);
  const halt = new AbortController();
  const publishing = new AbortController();
  const state: { stopped: LoadgenStopped | null } = { stopped: null };
  const stop = (why: LoadgenStopped) => {
    state.stopped ??= why;
    publishing.abort();
    halt.abort();
  };
  session.onDrop((reason) => stop({ reason: "connection lost", detail: reason }));
  const onAbort = () => stop({ reason: "interrupted" });
  options.signal?.addEventListener("abort", onAbort, { once: true });

  const ledger = new MessageLedger(options.messageLimit ?? 1_000_000);
  const meter = new Meter(consumers);
  const overheads = new OverheadMeter(spec.prefetch);
  const ctx: WorkerContext = { ledger, meter, overheads, startMs: 0, halt: halt.signal, counts: { delivered: 0, redelivered: 0, nacked: 0, foreign: 0 } };
  const workers = Array.from({ length: consumers }, () => new ConsumerWorker(ctx));
  let ticker: ReturnType<typeof setInterval> | undefined;
  const phases = async () => {
    for (const [k, w] of workers.entries()) await session.startConsumer(k, w.onMessage);
    const startMs = (ctx.startMs = nowMs());
    const rel = () => (nowMs() - startMs) / 1000;
    ticker = setInterval(() => meter.tick(rel()), 1000);
    const onLimit = () => {
      state.stopped ??= { reason: "message limit" };
      publishing.abort();
    };
    await publishAll(session, plan, ledger, meter, { startMs, durationS, signal: publishing.signal, onLimit });
    await sleepUntil(startMs + durationS * 1000, publishing.signal);
    const publishedForS = Math.min(durationS, rel());
    meter.closeWindow(publishedForS);
    clearInterval(ticker);
    await drain(ledger, workers, startMs + publishedForS * 1000, (options.drainS ?? 30) * 1000, ctx, halt.signal);
    const drainedForS = Math.max(0, rel() - publishedForS);
    halt.abort();
    await session.stopConsumers().catch(() => undefined);
    const leftInQueue = await session.cleanup(ledger.size - ledger.settled).catch(() => null);
    return { startMs, publishedForS, drainedForS, leftInQueue };
  };
  let result;
  try {
    result = await phases();
  } finally {
    clearInterval(ticker);
    halt.abort();
    options.signal?.removeEventListener("abort", onAbort);
    await session.close();
  }
  const notes = [...session.notes];
  if (ctx.counts.foreign > 0) notes.push(`${ctx.counts.foreign} deliveries were not this run's messages; they were put back unacked`);
  const counts = settleCounts(ledger, ctx.counts, result.leftInQueue, spec, notes);
  return { ...result, ledger, meter, overheads, counts, stopped: state.stopped, notes };
}

interface PublishWindow {
  startMs: number;
  durationS: number;
  signal: AbortSignal;
  onLimit: () => void;
}

/** Most publishes awaiting the broker's confirm before the publisher waits (bounds memory at any rate). */
const MAX_UNCONFIRMED = 10_000;
/** Most publishes in a row without giving the event loop a turn (when the schedule runs late). */
const MAX_BURST = 64;

async function publishAll(session: BrokerSession, plan: MessagePlan, ledger: MessageLedger, meter: Meter, w: PublishWindow): Promise<void> {
  let answered = 0;
  let burst = 0;
  for (;;) {
    const m = plan.next(w.durationS);
    if (!m || w.signal.aborted) return;
    if (!ledger.hasRoom) {
      w.onLimit();
      return;
    }
    const dueMs = w.startMs + m.dueS * 1000;
    if (dueMs > nowMs() + 1) burst = 0;
    await sleepUntil(dueMs, w.signal);
    // Late publishes go out at once (catching up without drift), but never starve the consumers.
    if (++burst >= MAX_BURST || ledger.size - answered >= MAX_UNCONFIRMED) {
      burst = 0;
      do await new Promise((r) => setTimeout(r, ledger.size - answered >= MAX_UNCONFIRMED ? 5 : 0));
      while (ledger.size - answered >= MAX_UNCONFIRMED && !w.signal.aborted);
    }
    if (w.signal.aborted) return;
    const t = nowMs();
    const seq = ledger.sent(t - w.startMs);
    meter.published((t - w.startMs) / 1000, t - dueMs);
    session.publish(encodeBody(m, t, w.startMs), { messageId: String(seq), priority: m.priority, expirationMs: m.expirationMs }, (outcome) => {
      answered++;
      if (outcome === "confirmed") {
        ledger.mark(seq, Flag.confirmed);
        return;
      }
      ledger.mark(seq, Flag.refused);
      meter.refused((nowMs() - w.startMs) / 1000);
    });
    await session.writable();
  }
}

/** Waits until every message is settled, the consumers have been quiet for a while, the time is up or the run halts. */
async function drain(ledger: MessageLedger, workers: ConsumerWorker[], fromMs: number, limitMs: number, ctx: WorkerContext, halt: AbortSignal): Promise<void> {
  let lastDelivered = ctx.counts.delivered;
  let quietSince = nowMs();
  while (!halt.aborted && ledger.settled < ledger.size && nowMs() - fromMs < limitMs) {
    await sleepUntil(nowMs() + 50, halt);
    const idle = workers.every((w) => w.holding === 0);
    if (!idle || ctx.counts.delivered !== lastDelivered) {
      lastDelivered = ctx.counts.delivered;
      quietSince = nowMs();
    } else if (nowMs() - quietSince > QUIET_MS) {
      return;
    }
  }
}
