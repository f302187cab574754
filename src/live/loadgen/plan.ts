import { createArrivalProcess, type ArrivalProcess } from "../../engine/arrivals/index.ts";
import { createDistribution, type Distribution, type RandomSource } from "../../engine/random/index.ts";
import { createStream, streamName } from "../../engine/rng.ts";
import type { QueueSpec } from "../../scenario/types.ts";

/** Most delivery attempts drawn for one message; a message that fails this often is acked on the last. */
export const MAX_ATTEMPTS = 64;

/** One message as drawn before it is published: everything a consumer (or a replay) needs. */
export interface PlannedMessage {
  /** 0, 1, 2, ... in publish order. */
  seq: number;
  /** Scheduled publish time, s from the start of the run. */
  dueS: number;
  /** Service demand of each delivery attempt, s (one entry per attempt planned). */
  serviceS: number[];
  /** Attempts nacked with requeue before the last one. */
  nacks: number;
  /** The last attempt is nacked without requeue (dead-lettered or dropped). */
  deadLetter: boolean;
  /** Priority class index (0 without classes) and its AMQP priority. */
  cls: number;
  priority?: number;
  /** Per-message TTL, ms, when the scenario's TTL is a distribution. */
  expirationMs?: number;
}

/** The message body: the plan plus the publish time (epoch ms), so a run can be replayed. */
export interface MessageBody extends Omit<PlannedMessage, "dueS"> {
  kendall: 1;
  publishedMs: number;
  dueMs: number;
}

/**
 * The messages of a load-generator run, drawn from the scenario queue's arrival process and
 * service distribution with named streams derived from `seed` (the simulation's replication-0
 * stream names), so the same seed publishes the same messages at the same offsets.
 */
export class MessagePlan {
  private readonly arrivals: ArrivalProcess;
  private readonly service: Distribution[];
  private readonly ttl: Distribution | null;
  private readonly cumShare: number[];
  private readonly rng: { service: RandomSource; failure: RandomSource; cls: RandomSource; ttl: RandomSource };
  private epoch = 0;
  private leftInEpoch = 0;
  private seq = 0;

  /** @param spec a validated scenario queue with an `arrival` (throws RangeError/TypeError naming the field otherwise). */
  constructor(private readonly spec: QueueSpec, seed: number, path = "queues[0]") {
    if (!spec.arrival) throw new RangeError(`${path}.arrival: the queue has no arrival process to drive`);
    const stream = (role: string) => createStream(seed, streamName(0, role, spec.id));
    this.arrivals = createArrivalProcess(spec.arrival, stream("arrivals"), `${path}.arrival`);
    const base = createDistribution(spec.service, `${path}.service`);
    const classes = spec.priorities ?? [];
    this.service = classes.length === 0 ? [base] : classes.map((c, k) => (c.service ? createDistribution(c.service, `${path}.priorities[${k}].service`) : base));
    let cum = 0;
    this.cumShare = classes.map((c) => (cum += c.share));
    this.ttl = spec.ttl !== undefined && typeof spec.ttl !== "number" ? createDistribution(spec.ttl, `${path}.ttl`) : null;
    this.rng = { service: stream("service"), failure: stream("failure"), cls: stream("class"), ttl: stream("ttl") };
  }

  /** Long-run arrival rate of the process, messages per second. */
  get meanRate(): number {
    return this.arrivals.meanRate;
  }

  /** The next message, or null when the arrival process has none left before `untilS`. */
  next(untilS: number): PlannedMessage | null {
    if (this.leftInEpoch === 0) {
      const t = this.arrivals.next();
      if (!(t <= untilS)) return null;
      this.epoch = t;
      this.leftInEpoch = Math.max(1, this.arrivals.batchSize);
    }
    this.leftInEpoch--;
    return this.draw(this.epoch);
  }

  private draw(dueS: number): PlannedMessage {
    const classes = this.spec.priorities ?? [];
    let cls = 0;
    if (classes.length > 0) {
      const u = this.rng.cls();
      while (cls < classes.length - 1 && u >= this.cumShare[cls]!) cls++;
    }
    const dist = this.service[cls]!;
    const f = this.spec.failure;
    const serviceS = [dist.sample(this.rng.service)];
    let nacks = 0;
    let deadLetter = false;
    if (f && f.probability > 0) {
      while (serviceS.length < MAX_ATTEMPTS && this.rng.failure() < f.probability) {
        const attempt = serviceS.length;
        if (!f.requeue || (f.maxDeliveries !== undefined && f.maxDeliveries > 0 && attempt >= f.maxDeliveries)) {
          deadLetter = true;
          break;
        }
        nacks++;
        serviceS.push(dist.sample(this.rng.service));
      }
    }
    const message: PlannedMessage = { seq: this.seq++, dueS, serviceS, nacks, deadLetter, cls };
    if (classes.length > 0) message.priority = classes[cls]!.priority;
    if (this.ttl) message.expirationMs = Math.max(0, Math.round(this.ttl.sample(this.rng.ttl) * 1000));
    return message;
  }
}

/** The body published for `m`: JSON, UTF-8. */
export function encodeBody(m: PlannedMessage, publishedMs: number, startMs: number): Uint8Array {
  const { dueS, ...rest } = m;
  const body: MessageBody = { kendall: 1, ...rest, publishedMs, dueMs: startMs + dueS * 1000 };
  return new TextEncoder().encode(JSON.stringify(body));
}

/** A body published by `encodeBody`, or null for anything else (a message that is not ours). */
export function decodeBody(bytes: Uint8Array): MessageBody | null {
  try {
    const b = JSON.parse(new TextDecoder().decode(bytes)) as MessageBody;
    const ok = b && b.kendall === 1 && Number.isInteger(b.seq) && b.seq >= 0 && Number.isFinite(b.publishedMs) &&
      Array.isArray(b.serviceS) && b.serviceS.length > 0 && b.serviceS.every((s) => s >= 0 && s < Infinity);
    return ok ? b : null;
  } catch {
    return null;
  }
}
