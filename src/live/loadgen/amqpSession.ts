import { randomBytes } from "node:crypto";
import { connect, type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from "amqplib";
import { BrokerError, connectError, redactUrl, scrubSecrets, urlSecrets } from "./brokerError.ts";
import type { BrokerSession, Delivery, PublishOptions, PublishOutcome, QueueSetup } from "./session.ts";

/** How to reach RabbitMQ and which queue to drive. */
export interface AmqpSessionOptions {
  /** `amqp://user:pass@host:port/vhost`; credentials are never shown. */
  url: string;
  /** An existing queue to drive (checked with a passive declare); omitted: a fresh queue is declared and deleted. */
  queue?: string;
  /** Used in the fresh queue's name. */
  label: string;
  setup: QueueSetup;
  queueType: "classic" | "quorum";
  /** Connect timeout, ms. Default 5000. */
  timeoutMs?: number;
}

/** A fresh queue left without consumers this long (a killed run) is deleted by the broker, ms. */
export const ORPHAN_EXPIRY_MS = 10 * 60 * 1000;

/** Longest the cleanup waits for unacked messages to return to the queue before counting, ms. */
const REQUEUE_WAIT_MS = 2000;

interface Pending {
  done: (o: PublishOutcome) => void;
  returned: boolean;
}

/**
 * Opens a RabbitMQ session: two connections (publisher with confirms, consumers with one channel
 * each and `basic.qos` = prefetch), the queue declared fresh or checked passively. Publishes are
 * mandatory, so an unroutable message comes back instead of vanishing.
 * @throws BrokerError: unreachable, refused (login, vhost, declare), missing-queue, queue-in-use.
 */
export async function openAmqpSession(o: AmqpSessionOptions): Promise<BrokerSession> {
  const shown = redactUrl(o.url);
  const secrets = urlSecrets(o.url);
  const tag = randomBytes(4).toString("hex");
  const label = o.label.replace(/[^\w.-]+/g, "_").slice(0, 80);
  const open = async (role: string): Promise<ChannelModel> => {
    try {
      return await connect(o.url, { timeout: o.timeoutMs ?? 5000, noDelay: true, clientProperties: { connection_name: `kendall-loadgen-${label}-${tag}-${role}` } });
    } catch (e) {
      throw connectError("RabbitMQ", shown, e, secrets);
    }
  };
  const pubConn = await open("publisher");
  let consConn: ChannelModel;
  try {
    consConn = await open("consumers");
  } catch (e) {
    await pubConn.close().catch(() => undefined);
    throw e;
  }
  const closeAll = () => Promise.all([pubConn.close().catch(() => undefined), consConn.close().catch(() => undefined)]);
  try {
    const pub = await pubConn.createConfirmChannel();
    const notes: string[] = [];
    const name = o.queue ?? `kendall-loadgen-${label}-${tag}`;
    if (o.queue !== undefined) await checkExisting(consConn, name, shown, o, notes);
    else await declareFresh(pub, name, o, notes);
    return new AmqpSession(o, pubConn, consConn, pub, name, notes, shown, secrets);
  } catch (e) {
    await closeAll();
    if (e instanceof BrokerError) throw e;
    throw new BrokerError("refused", `RabbitMQ at ${shown} refused to set up the queue: ${scrubSecrets((e as Error).message, secrets)}`);
  }
}

async function checkExisting(conn: ChannelModel, name: string, shown: string, o: AmqpSessionOptions, notes: string[]): Promise<void> {
  // A failed passive declare closes its channel, so it gets one of its own.
  const ch = await conn.createChannel();
  ch.on("error", () => undefined);
  let q;
  try {
    q = await ch.checkQueue(name);
  } catch (e) {
    const msg = (e as Error).message;
    if (/404|NOT_FOUND/.test(msg)) throw new BrokerError("missing-queue", `queue ${JSON.stringify(name)} does not exist on RabbitMQ at ${shown} (passive declare: NOT_FOUND)`);
    throw e;
  }
  await ch.close().catch(() => undefined);
  if (q.messageCount > 0 || q.consumerCount > 0) {
    throw new BrokerError("queue-in-use", `queue ${JSON.stringify(name)} holds ${q.messageCount} messages and has ${q.consumerCount} consumers; loadgen needs an idle, empty queue (omit --queue for a fresh one)`);
  }
  if (o.setup.capacity !== null || o.setup.ttlS !== undefined || o.setup.maxPriority !== undefined) {
    notes.push(`queue ${JSON.stringify(name)} exists: its own arguments apply, not the scenario's capacity, TTL or priorities`);
  }
}

async function declareFresh(ch: Channel, name: string, o: AmqpSessionOptions, notes: string[]): Promise<void> {
  const s = o.setup;
  // Should the run be killed before its cleanup, the broker deletes the queue once unused this long.
  const args: Record<string, unknown> = { "x-expires": ORPHAN_EXPIRY_MS };
  if (o.queueType === "quorum") args["x-queue-type"] = "quorum";
  if (s.capacity !== null) {
    args["x-max-length"] = s.capacity;
    args["x-overflow"] = s.overflow;
  }
  if (s.ttlS !== undefined) args["x-message-ttl"] = Math.round(s.ttlS * 1000);
  if (s.maxPriority !== undefined) {
    if (o.queueType === "quorum") notes.push("quorum queues have no message priorities: classes are published but served in FIFO order");
    else args["x-max-priority"] = Math.min(255, s.maxPriority);
  }
  await ch.assertQueue(name, { durable: o.queueType === "quorum", autoDelete: false, exclusive: false, arguments: args });
}

class AmqpSession implements BrokerSession {
  readonly kind = "rabbitmq";
  readonly declared: boolean;
  readonly queueType: string;
  private readonly pending = new Map<string, Pending>();
  private readonly consumerChannels: { ch: Channel; tag: string }[] = [];
  private dropListener: (reason: string) => void = () => undefined;
  private closing = false;
  private dropped = false;
  private blocked: Promise<void> | null = null;

  constructor(
    private readonly o: AmqpSessionOptions,
    private readonly pubConn: ChannelModel,
    private readonly consConn: ChannelModel,
    private readonly pub: ConfirmChannel,
    readonly queue: string,
    readonly notes: string[],
    private readonly shown: string,
    private readonly secrets: string[],
  ) {
    this.declared = o.queue === undefined;
    this.queueType = o.queueType;
    for (const [role, c] of [["publisher", pubConn], ["consumer", consConn]] as const) {
      c.on("error", () => undefined);
      c.on("close", (err?: Error) => this.drop(`RabbitMQ ${role} connection closed${err ? `: ${err.message}` : ""}`));
      c.on("blocked", (reason: string) => this.notes.push(`the broker blocked publishing (${reason})`));
    }
    pub.on("error", () => undefined);
    // A channel closes just before its connection: wait a moment so the connection's reason is the one reported.
    pub.on("close", () => setTimeout(() => this.drop("RabbitMQ publisher channel closed"), 20));
    pub.on("return", (msg: ConsumeMessage) => {
      const p = this.pending.get(String(msg.properties.messageId));
      if (!p) return;
      p.returned = true;
      p.done("returned");
    });
  }

  publish(body: Uint8Array, options: PublishOptions, done: (outcome: PublishOutcome) => void): void {
    const p: Pending = { done, returned: false };
    this.pending.set(options.messageId, p);
    const props = {
      mandatory: true,
      persistent: this.o.queueType === "quorum",
      messageId: options.messageId,
      contentType: "application/json",
      timestamp: Math.floor(Date.now() / 1000),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
      ...(options.expirationMs !== undefined ? { expiration: String(options.expirationMs) } : {}),
    };
    try {
      const ok = this.pub.sendToQueue(this.queue, Buffer.from(body), props, (err) => {
        this.pending.delete(options.messageId);
        // amqplib fails the callbacks still pending when the channel closes: those stay unconfirmed.
        if (p.returned || (err && !/nacked/.test(String((err as Error).message)))) return;
        done(err ? "refused" : "confirmed");
      });
      if (!ok) this.blocked = new Promise((resolve) => this.pub.once("drain", () => resolve()));
    } catch (e) {
      this.drop(`publish failed: ${(e as Error).message}`);
    }
  }

  async writable(): Promise<void> {
    if (!this.blocked) return;
    await Promise.race([this.blocked, new Promise((r) => setTimeout(r, 1000))]);
    this.blocked = null;
  }

  async startConsumer(_index: number, onMessage: (d: Delivery) => void): Promise<void> {
    const ch = await this.consConn.createChannel();
    ch.on("error", () => undefined);
    ch.on("close", () => setTimeout(() => this.drop("RabbitMQ consumer channel closed"), 20));
    await ch.prefetch(this.o.setup.prefetch);
    const { consumerTag } = await ch.consume(this.queue, (msg) => {
      if (msg === null) {
        this.drop(`the broker cancelled a consumer (queue ${JSON.stringify(this.queue)} deleted?)`);
        return;
      }
      onMessage({ body: msg.content, redelivered: msg.fields.redelivered, ack: () => ch.ack(msg), nack: (requeue) => ch.nack(msg, false, requeue) });
    }, { noAck: false });
    this.consumerChannels.push({ ch, tag: consumerTag });
  }

  async stopConsumers(): Promise<void> {
    this.closing = true;
    for (const { ch, tag } of this.consumerChannels) {
      await ch.cancel(tag).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
  }

  async cleanup(expected: number): Promise<number | null> {
    this.closing = true;
    let conn: ChannelModel | null = null;
    try {
      if (this.dropped) conn = await connect(this.o.url, { timeout: 3000, clientProperties: { connection_name: "kendall-loadgen-cleanup" } });
      const ch = await (conn ?? this.pubConn).createChannel();
      ch.on("error", () => undefined);
      // The broker requeues a closed channel's unacked messages after its close-ok: wait for them.
      const until = Date.now() + REQUEUE_WAIT_MS;
      while ((await ch.checkQueue(this.queue)).messageCount < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      let left: number;
      if (this.declared) {
        left = (await ch.purgeQueue(this.queue)).messageCount;
        await ch.deleteQueue(this.queue);
      } else {
        left = (await ch.checkQueue(this.queue)).messageCount;
      }
      await ch.close().catch(() => undefined);
      return left;
    } catch (e) {
      this.notes.push(`could not count or remove queue ${JSON.stringify(this.queue)} on ${this.shown}: ${scrubSecrets((e as Error).message, this.secrets)}`);
      return null;
    } finally {
      await conn?.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.pubConn.close().catch(() => undefined);
    await this.consConn.close().catch(() => undefined);
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
