import { createServer } from "node:net";
import { connect } from "amqplib";
import { connect as natsConnect, RetentionPolicy } from "nats";
import { describe, expect, it } from "vitest";
import { AMQP_URL, NATS_URL, closeLoadgenConnections, describeWithBroker, kendall, loadgenJson, loadgenQueues, scenarioFile } from "./loadgenSupport.ts";

/** A loopback port with nothing listening (bound, then closed). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const file = scenarioFile("faults", {}, { messages: 5000, replications: 2 });

function expectOneLine(err: string, pattern: RegExp): void {
  expect(err.endsWith("\n")).toBe(true);
  expect(err.trimEnd().split("\n")).toHaveLength(1);
  expect(err.length).toBeLessThanOrEqual(301);
  expect(err).toMatch(pattern);
}

describe("kendall loadgen bad input (no broker needed)", () => {
  const cases: [string, string[], RegExp][] = [
    ["no broker flag", [file], /exactly one of --amqp URL or --nats URL/],
    ["both broker flags", [file, "--amqp", AMQP_URL, "--nats", NATS_URL], /exactly one of/],
    ["a URL of the wrong scheme, without echoing its password", [file, "--amqp", "http://bob:s3cret-pw@127.0.0.1"], /--amqp: expected a URL like amqp:.*got "http:\/\/127\.0\.0\.1\/"/],
    ["a zero duration", [file, "--amqp", AMQP_URL, "--duration", "0"], /--duration: expected a number > 0, got "0"/],
    ["an unknown queue type", [file, "--amqp", AMQP_URL, "--queue-type", "stream"], /--queue-type: expected classic or quorum/],
    ["unlimited consumers", [scenarioFile("unlimited", { consumers: "unlimited" }), "--amqp", AMQP_URL], /queues\[0\]\.consumers: "unlimited" cannot be run on a real broker/],
  ];
  for (const [what, argv, pattern] of cases) {
    it(`reports ${what} on one line with exit 2`, async () => {
      const r = await kendall("loadgen", ...argv);
      expect(r.code).toBe(2);
      expectOneLine(r.err, pattern);
      expect(r.err).not.toContain("s3cret");
    });
  }
});

await describeWithBroker("kendall loadgen faults on RabbitMQ", [5672, 15672], () => {
  it("refuses wrong credentials on one line with exit 3, without showing them", async () => {
    const r = await kendall("loadgen", file, "--amqp", "amqp://guest:not-the-password@127.0.0.1:5672", "--duration", "1");
    expect(r.code).toBe(3);
    expectOneLine(r.err, /RabbitMQ at amqp:\/\/127\.0\.0\.1:5672 refused the connection: .*ACCESS.REFUSED/);
    expect(r.err).not.toContain("not-the-password");
    expect(r.out).toBe("");
  });

  it("reports an unreachable port with exit 3", async () => {
    const port = await closedPort();
    const r = await kendall("loadgen", file, "--amqp", `amqp://guest:guest@127.0.0.1:${port}`, "--duration", "1");
    expect(r.code).toBe(3);
    expectOneLine(r.err, new RegExp(`RabbitMQ unreachable at amqp://127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });

  it("reports a --queue that does not exist (passive declare) with exit 3", async () => {
    const r = await kendall("loadgen", file, "--amqp", AMQP_URL, "--queue", "kendall-no-such-queue", "--duration", "1");
    expect(r.code).toBe(3);
    expectOneLine(r.err, /queue "kendall-no-such-queue" does not exist on RabbitMQ at amqp:\/\/127\.0\.0\.1:5672 \(passive declare: NOT_FOUND\)/);
  });

  it("drives an existing empty --queue and leaves it in place; refuses one holding messages (exit 2)", async () => {
    const name = `kendall-loadgen-test-existing-${process.pid}`;
    const conn = await connect(AMQP_URL);
    const ch = await conn.createChannel();
    try {
      await ch.assertQueue(name, { durable: false });
      const r = await loadgenJson([file, "--amqp", AMQP_URL, "--queue", name, "--duration", "2", "--no-simulate"]);
      expect(r.broker).toMatchObject({ queue: name, declared: false });
      const c = r.queues.orders!.measured.counts;
      expect(c).toMatchObject({ acked: c.published, lost: 0, leftInQueue: 0 });
      expect(r.queues.orders!.simulated).toBeUndefined();
      expect((await ch.checkQueue(name)).messageCount).toBe(0);
      ch.sendToQueue(name, Buffer.from("not ours"));
      await new Promise((res) => setTimeout(res, 200));
      const busy = await kendall("loadgen", file, "--amqp", AMQP_URL, "--queue", name, "--duration", "1");
      expect(busy.code).toBe(2);
      expectOneLine(busy.err, new RegExp(`queue "${name}" holds 1 messages and has 0 consumers`));
    } finally {
      await ch.deleteQueue(name).catch(() => undefined);
      await conn.close();
    }
  }, 30_000);

  for (const role of ["consumers", "publisher"] as const) {
    it(`stops cleanly with the figures so far when the ${role} connection drops mid-run (exit 3)`, async () => {
      // The label names the connections to drop: unique to this process, so parallel runs are left alone.
      const label = `drop-${role}-${process.pid}`;
      const dropFile = scenarioFile(label, { id: label }, { messages: 5000, replications: 2 });
      const run = kendall("loadgen", dropFile, "--amqp", AMQP_URL, "--duration", "30", "--json");
      await new Promise((res) => setTimeout(res, 2500));
      expect(await closeLoadgenConnections(label, role)).toBe(1);
      const r = await run;
      expect(r.code).toBe(3);
      expectOneLine(r.err, /connection closed.*CONNECTION_FORCED.*stopped after [\d.]+ s with the figures so far/);
      const result = JSON.parse(r.out);
      expect(result.stopped).toMatchObject({ reason: "connection lost" });
      expect(result.publishedForS).toBeLessThan(30);
      const c = result.queues[label].measured.counts;
      expect(c.published).toBeGreaterThan(50);
      // Every message is somewhere: acked, or left in the queue (counted after the drop over a new connection).
      expect(c.published).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight + c.lost);
      // Only a publish the broker never confirmed may be missing (it was in the socket when the
      // connection was closed); a confirmed message is never lost, and a loss is never silent.
      expect(c.lost).toBeLessThanOrEqual(c.unconfirmed);
      expect(c.confirmed + c.dropped + c.unconfirmed).toBe(c.published);
      if (c.lost > 0) expect(result.notes.join()).toMatch(/messages are lost: published but never confirmed/);
      if (role === "consumers" && c.leftInQueue > c.inFlight) {
        // An ack on its way when the consumers' connection is closed never reaches the broker,
        // which requeues that message: counted acked here, it is also left in the queue
        // (at-least-once delivery). At most one per message a consumer holds: 2 consumers x prefetch 1.
        expect(c.leftInQueue - c.inFlight).toBeLessThanOrEqual(2);
        expect(result.notes.join()).toMatch(/more messages were in the queue than expected: acks lost with the connection/);
      } else {
        expect(c.leftInQueue).toBe(c.inFlight);
      }
      expect(await loadgenQueues()).not.toContain(result.broker.queue);
    }, 60_000);
  }
});

await describeWithBroker("kendall loadgen faults on NATS", [4222], () => {
  it("reports an unreachable port with exit 3", async () => {
    const port = await closedPort();
    const r = await kendall("loadgen", file, "--nats", `nats://127.0.0.1:${port}`, "--duration", "1");
    expect(r.code).toBe(3);
    expectOneLine(r.err, new RegExp(`NATS unreachable at nats://127\\.0\\.0\\.1:${port}`));
  });

  it("drives an existing work-queue stream on a subject of its own and leaves the stream in place", async () => {
    const nc = await natsConnect({ servers: "127.0.0.1:4222" });
    const jsm = await nc.jetstreamManager();
    const name = `KENDALL_TEST_EXISTING_${process.pid}`;
    try {
      await jsm.streams.add({ name, subjects: [`kendall-test-${process.pid}.>`], retention: RetentionPolicy.Workqueue });
      const r = await loadgenJson([file, "--nats", NATS_URL, "--queue", name, "--duration", "2", "--no-simulate"]);
      expect(r.broker).toMatchObject({ queue: name, declared: false });
      const c = r.queues.orders!.measured.counts;
      expect(c).toMatchObject({ acked: c.published, lost: 0, leftInQueue: 0 });
      const info = await jsm.streams.info(name);
      expect(info.state).toMatchObject({ messages: 0, consumer_count: 0 });
    } finally {
      await jsm.streams.delete(name).catch(() => undefined);
      await nc.close();
    }
  }, 30_000);

  it("reports a --queue stream that does not exist with exit 3", async () => {
    const r = await kendall("loadgen", file, "--nats", NATS_URL, "--queue", "KENDALL_NO_SUCH_STREAM", "--duration", "1");
    expect(r.code).toBe(3);
    expectOneLine(r.err, /stream "KENDALL_NO_SUCH_STREAM" does not exist on NATS at nats:\/\/127\.0\.0\.1:4222/);
  });
});
