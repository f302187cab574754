import amqp, { type Channel, type ChannelModel } from "amqplib";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Light load on a broker that may go away: one connection publishing every `everyMs` into a
 * durable `queue` and one consumer (prefetch 1) acking after `serviceMs`, both reconnecting
 * every half second while the broker is down. Errors are counted, never thrown.
 */
export function resilientLoad(url: string, queue: string, everyMs = 50, serviceMs = 20) {
  let running = true;
  let published = 0;
  let acked = 0;
  let reconnects = 0;
  const conns = new Set<ChannelModel>();

  async function session(role: "publish" | "consume"): Promise<void> {
    while (running) {
      let conn: ChannelModel | undefined;
      try {
        conn = await amqp.connect(url, { noDelay: true, timeout: 2000 });
        conns.add(conn);
        const closed = new Promise<void>((r) => {
          conn!.on("close", () => r());
          conn!.on("error", () => r());
        });
        const ch: Channel = await conn.createChannel();
        ch.on("error", () => undefined);
        await ch.assertQueue(queue, { durable: true });
        if (role === "consume") {
          await ch.prefetch(1);
          await ch.consume(queue, (m) => {
            if (m) setTimeout(() => {
              try {
                ch.ack(m);
                acked++;
              } catch {
                // the channel closed with the broker
              }
            }, serviceMs);
          });
          await closed;
        } else {
          let open = true;
          void closed.then(() => (open = false));
          while (running && open) {
            if (ch.sendToQueue(queue, Buffer.from("x"), { persistent: false })) published++;
            await sleep(everyMs);
          }
        }
      } catch {
        // refused or reset: the broker is down
      }
      if (conn) {
        conns.delete(conn);
        await conn.close().catch(() => undefined);
      }
      if (running) {
        reconnects++;
        await sleep(500);
      }
    }
  }

  const done = Promise.all([session("consume"), session("publish")]);
  return {
    counts: () => ({ published, acked, reconnects }),
    async stop(): Promise<void> {
      running = false;
      await Promise.all([...conns].map((c) => c.close().catch(() => undefined)));
      await done;
    },
  };
}
