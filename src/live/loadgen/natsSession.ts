import { randomBytes } from "node:crypto";
import { AckPolicy, DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, connect, nanos, type ConnectionOptions, type Consumer, type JetStreamManager, type NatsConnection } from "nats";
import { BrokerError, connectError, redactUrl, scrubSecrets, urlSecrets } from "./brokerError.ts";
import { startPullWorker } from "./natsPull.ts";
import type { BrokerSession, Delivery, PublishOptions, PublishOutcome, QueueSetup } from "./session.ts";

/** How to reach NATS and which stream to drive. */
export interface NatsSessionOptions {
  /** `nats://[user:pass@]host:port` (or `host:port`); credentials are never shown. */
  url: string;
  /** An existing JetStream stream to drive; omitted: a fresh stream is created and deleted. */
  queue?: string;
  setup: QueueSetup;
  /** Connect timeout, ms. Default 5000. */
  timeoutMs?: number;
}

const CONSUMER = "kendall-loadgen";
/** How long cleanup waits for acks still on their way to be counted by the server (ms). */
const ACK_SETTLE_MS = 2000;

/** Connection options from a URL: servers, and user/password or token from its user info. */
export function natsConnectOptions(url: string, timeoutMs: number): ConnectionOptions {
  const u = new URL(url.includes("://") ? url : `nats://${url}`);
  const auth: Partial<ConnectionOptions> = u.password ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : u.username ? { token: decodeURIComponent(u.username) } : {};
  return { servers: `${u.hostname}:${u.port || 4222}`, ...auth, reconnect: false, timeout: timeoutMs, name: "kendall-loadgen" };
}

/**
 * Opens a NATS JetStream session: a work-queue stream (fresh, or an existing one checked by name,
 * with a subject of this run's own), one durable pull consumer with explicit acks, and per
 * application consumer a pull loop that keeps at most `prefetch` messages outstanding.
 * @throws BrokerError: unreachable, refused (login, JetStream disabled), missing-queue, queue-in-use.
 */
export async function openNatsSession(o: NatsSessionOptions): Promise<BrokerSession> {
  const shown = redactUrl(o.url);
  const secrets = urlSecrets(o.url);
  let nc: NatsConnection;
  try {
    nc = await connect(natsConnectOptions(o.url, o.timeoutMs ?? 5000));
  } catch (e) {
    throw connectError("NATS", shown, e, secrets);
  }
  try {
    let jsm: JetStreamManager;
    try {
      jsm = await nc.jetstreamManager();
    } catch (e) {
      throw new BrokerError("unsupported", `NATS at ${shown} has no JetStream: ${scrubSecrets((e as Error).message, secrets)}`);
    }
    const tag = randomBytes(4).toString("hex");
    const notes: string[] = [];
    const { stream, subject, ownSubject } = o.queue !== undefined ? await checkStream(jsm, o.queue, tag, shown) : await createStream(jsm, tag, o.setup, notes);
    if (o.setup.maxPriority !== undefined) notes.push("JetStream has no message priorities: classes are published but served in order");
    const s = o.setup;
    await jsm.consumers.add(stream, {
      durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, filter_subject: subject,
      // Work-queue streams take only deliver-all consumers; the subject is this run's own, or empty.
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: s.prefetch === 0 ? -1 : s.consumers * s.prefetch, ack_wait: nanos(s.ackWaitS * 1000),
    });
    const consumer = await nc.jetstream().consumers.get(stream, CONSUMER);
    return new NatsSession(o, nc, jsm, consumer, stream, { subject, ownSubject }, notes, shown, secrets);
  } catch (e) {
    await nc.close().catch(() => undefined);
    if (e instanceof BrokerError) throw e;
    throw new BrokerError("refused", `NATS at ${shown} refused to set up the stream: ${scrubSecrets((e as Error).message, secrets)}`);
  }
}

async function createStream(jsm: JetStreamManager, tag: string, s: QueueSetup, notes: string[]) {
  const stream = `KENDALL_LOADGEN_${tag}`;
  const subject = `kendall.loadgen.${tag}`;
  if (s.capacity !== null) notes.push("JetStream's max_msgs counts unacked messages too, not only ready ones as x-max-length does");
  await jsm.streams.add({
    name: stream, subjects: [subject], retention: RetentionPolicy.Workqueue, storage: StorageType.File,
    max_msgs: s.capacity ?? -1, discard: s.overflow === "drop-head" ? DiscardPolicy.Old : DiscardPolicy.New,
    ...(s.ttlS !== undefined ? { max_age: nanos(s.ttlS * 1000) } : {}),
  });
  return { stream, subject, ownSubject: true };
}

async function checkStream(jsm: JetStreamManager, name: string, tag: string, shown: string) {
  let info;
  try {
    info = await jsm.streams.info(name);
  } catch (e) {
    if (/not found|404/i.test((e as Error).message)) throw new BrokerError("missing-queue", `stream ${JSON.stringify(name)} does not exist on NATS at ${shown}`);
    throw e;
  }
  const first = info.config.subjects?.[0];
  if (!first) throw new BrokerError("unsupported", `stream ${JSON.stringify(name)} has no subjects to publish to`);
  // A wildcard subject gives this run a subject of its own; a literal one must be idle.
  const subject = first.split(".").map((t) => (t === "*" || t === ">" ? `kendall_loadgen_${tag}` : t)).join(".");
  if (subject === first && (info.state.messages > 0 || info.state.consumer_count > 0)) {
    throw new BrokerError("queue-in-use", `stream ${JSON.stringify(name)} holds ${info.state.messages} messages and has ${info.state.consumer_count} consumers; loadgen needs an idle, empty stream (omit --queue for a fresh one)`);
  }
  return { stream: name, subject, ownSubject: subject !== first };
}

class NatsSession implements BrokerSession {
  readonly kind = "nats";
  readonly declared: boolean;
  readonly queueType = "jetstream";
  private dropListener: (reason: string) => void = () => undefined;
  private closing = false;
  private dropped = false;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly o: NatsSessionOptions,
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly consumer: Consumer,
    readonly queue: string,
    private readonly target: { subject: string; ownSubject: boolean },
    readonly notes: string[],
    private readonly shown: string,
    private readonly secrets: string[],
  ) {
    this.declared = o.queue === undefined;
    void nc.closed().then((err) => this.drop(`NATS connection closed${err ? `: ${err.message}` : ""}`));
  }

  publish(body: Uint8Array, _options: PublishOptions, done: (outcome: PublishOutcome) => void): void {
    this.nc.jetstream().publish(this.target.subject, body, { timeout: 10_000 }).then(
      () => done("confirmed"),
      (e: Error) => {
        if (this.dropped || this.closing) return;
        if (/maximum|exceed|limit/i.test(e.message)) done("refused");
        else this.notes.push(`a publish was not confirmed: ${scrubSecrets(e.message, this.secrets)}`);
      },
    );
  }

  async writable(): Promise<void> {}

  async startConsumer(_index: number, onMessage: (d: Delivery) => void): Promise<void> {
    const window = this.o.setup.prefetch === 0 ? 1000 : this.o.setup.prefetch;
    this.stops.push(startPullWorker(this.consumer, window, onMessage, (e) => this.drop(`pull failed: ${e.message}`)));
  }

  async stopConsumers(): Promise<void> {
    this.closing = true;
    for (const stop of this.stops) stop();
  }

  async cleanup(expected: number): Promise<number | null> {
    this.closing = true;
    let nc: NatsConnection | null = null;
    try {
      if (this.dropped) nc = await connect(natsConnectOptions(this.o.url, 3000));
      const jsm = nc ? await nc.jetstreamManager() : this.jsm;
      // Acks are sent without waiting for the server: the last ones may not be counted yet. Wait
      // (briefly) until no more than the unsettled messages are pending.
      const until = Date.now() + ACK_SETTLE_MS;
      let info = await jsm.consumers.info(this.queue, CONSUMER);
      while (info.num_pending + info.num_ack_pending > expected && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        info = await jsm.consumers.info(this.queue, CONSUMER);
      }
      const left = info.num_pending + info.num_ack_pending;
      await jsm.consumers.delete(this.queue, CONSUMER);
      if (this.declared) await jsm.streams.delete(this.queue);
      else if (this.target.ownSubject) await jsm.streams.purge(this.queue, { filter: this.target.subject });
      return left;
    } catch (e) {
      this.notes.push(`could not count or remove stream ${JSON.stringify(this.queue)} on ${this.shown}: ${scrubSecrets((e as Error).message, this.secrets)}`);
      return null;
    } finally {
      await nc?.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const stop of this.stops) stop();
    await this.nc.drain().catch(() => this.nc.close().catch(() => undefined));
  }

  onDrop(listener: (reason: string) => void): void {
    this.dropListener = listener;
  }

  private drop(reason: string): void {
    if (this.closing || this.dropped) return;
    this.dropped = true;
    this.dropListener(scrubSecrets(reason, this.secrets));
  }
}
