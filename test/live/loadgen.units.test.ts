import { describe, expect, it } from "vitest";
import { createDistribution } from "../../src/engine/random/index.ts";
import { createStream } from "../../src/engine/rng.ts";
import { connectError } from "../../src/live/loadgen/brokerError.ts";
import { nowMs, sleepUntil } from "../../src/live/loadgen/clock.ts";
import { settleCounts } from "../../src/live/loadgen/counts.ts";
import { Flag, MessageLedger } from "../../src/live/loadgen/ledger.ts";
import { MessagePlan, adjustForDelivery, decodeBody, encodeBody, redactUrl, replayRun, scrubSecrets, shiftedService, urlSecrets, type Overheads } from "../../src/live/loadgen/index.ts";
import type { QueueSpec } from "../../src/scenario/types.ts";
import type { SimulatedQueue } from "../../src/simulation/result.ts";

const spec = (extra: Partial<QueueSpec> = {}): QueueSpec => ({
  id: "orders", arrival: { process: "poisson", rate: 50 }, service: { dist: "exponential", mean: 0.03 },
  consumers: 2, prefetch: 1, capacity: null, overflow: "reject-publish", discipline: "fifo", ...extra,
});

const noOverheads: Overheads = {
  publishToDeliverMs: 0, ackToNextDeliverMs: 0, serviceOverrunMs: 0, method: "",
  detail: { publishToDeliver: { meanMs: 0, ci95Ms: 0, p50Ms: 0, p99Ms: 0, samples: 0 }, ackToNextDeliver: { meanMs: 0, ci95Ms: 0, p50Ms: 0, p99Ms: 0, samples: 0 }, serviceOverrun: { meanMs: 0, ci95Ms: 0, p50Ms: 0, p99Ms: 0, samples: 0 } },
};

describe("MessagePlan", () => {
  it("draws the same messages for the same seed, and others for another", () => {
    const drawn = (seed: number) => {
      const p = new MessagePlan(spec(), seed);
      return Array.from({ length: 50 }, () => p.next(Infinity)!);
    };
    expect(drawn(7)).toEqual(drawn(7));
    expect(drawn(8)).not.toEqual(drawn(7));
    const times = drawn(7).map((m) => m.dueS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(drawn(7).map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("stops at the end of the window", () => {
    const p = new MessagePlan(spec(), 1);
    let n = 0;
    while (p.next(10)) n++;
    // Poisson(500): 99.9% of counts lie within 500 +- 3.29 sqrt(500).
    expect(Math.abs(n - 500)).toBeLessThan(3.29 * Math.sqrt(500));
    expect(p.next(10)).toBeNull();
  });

  it("round-trips a message body, and rejects bodies that are not its own", () => {
    const m = new MessagePlan(spec({ failure: { probability: 0.5, requeue: true } }), 3).next(Infinity)!;
    const body = decodeBody(encodeBody(m, 1_750_000_000_123.25, 1_750_000_000_000))!;
    expect(body).toMatchObject({ kendall: 1, seq: 0, publishedMs: 1_750_000_000_123.25, serviceS: m.serviceS, nacks: m.nacks });
    expect(body.dueMs).toBeCloseTo(1_750_000_000_000 + m.dueS * 1000, 6);
    for (const foreign of ["hello", "{}", JSON.stringify({ kendall: 1, seq: -1, publishedMs: 1, serviceS: [0.1] })]) expect(decodeBody(new TextEncoder().encode(foreign))).toBeNull();
  });

  it("refuses a queue with no arrivals, naming the field", () => {
    expect(() => new MessagePlan({ ...spec(), arrival: undefined }, 1, "queues[1]")).toThrow(/queues\[1\]\.arrival/);
  });
});

describe("credentials", () => {
  it("never shows the user name or password of a broker URL", () => {
    expect(redactUrl("amqp://bob:s3cret@127.0.0.1:5672/vh")).toBe("amqp://127.0.0.1:5672/vh");
    expect(redactUrl("nats://tok3n@127.0.0.1:4222")).toBe("nats://127.0.0.1:4222");
    expect(redactUrl("bob:s3cret@127.0.0.1:4222")).toBe("127.0.0.1:4222");
    const secrets = urlSecrets("amqp://bob:s3cret@127.0.0.1");
    expect(scrubSecrets("login bob:s3cret failed at amqp://bob:s3cret@host (s3cret)", secrets)).toBe("login *** failed at amqp://host (***)");
  });
});

describe("connectError", () => {
  const kind = (message: string, code?: string) => connectError("RabbitMQ", "amqp://127.0.0.1:5672", Object.assign(new Error(message), { code }), []).kind;
  it("tells a refused login from a port with nothing listening", () => {
    expect(kind("Handshake terminated by server: 403 (ACCESS-REFUSED) with message \"ACCESS_REFUSED\"")).toBe("refused");
    expect(kind("Connection closed: 530 (NOT-ALLOWED) with message \"vhost not found\"")).toBe("refused");
    expect(kind("connect ECONNREFUSED 127.0.0.1:5672", "ECONNREFUSED")).toBe("unreachable");
  });
  it("does not read a reply code into the digits of an address (port 45309 is not AMQP 530)", () => {
    // An ephemeral port picked by the OS once gave "refused" for a closed port: 45309 held "530".
    for (const port of [45309, 40312, 403, 530, 15303]) {
      expect(kind(`connect ECONNREFUSED 127.0.0.1:${port}`, "ECONNREFUSED")).toBe("unreachable");
      expect(kind(`connect ECONNREFUSED [::1]:${port}`, "ECONNREFUSED")).toBe("unreachable");
    }
    expect(kind("getaddrinfo ENOTFOUND amqp://h530.example:403", "ENOTFOUND")).toBe("unreachable");
  });
});

describe("settleCounts", () => {
  const ledger = (states: number[]) => {
    const l = new MessageLedger(100);
    for (const f of states) l.mark(l.sent(0), f);
    return l;
  };
  const C = Flag.confirmed;
  const seen = { delivered: 0, redelivered: 0, nacked: 0 };

  it("puts every message in exactly one final state", () => {
    const l = ledger([C | Flag.acked, C | Flag.acked, C | Flag.deadLettered, Flag.refused, C, C, 0]);
    const notes: string[] = [];
    const c = settleCounts(l, seen, 2, spec(), notes);
    expect(c).toMatchObject({ published: 7, acked: 2, deadLettered: 1, dropped: 1, inFlight: 2, lost: 1, unconfirmed: 1, confirmed: 5 });
    expect(c.published).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight + c.lost);
    expect(notes.join("; ")).toMatch(/1 messages are lost/);
  });

  it("calls the missing messages expired when the queue has a TTL, and of unknown fate when the queue cannot be counted", () => {
    const l = ledger([C | Flag.acked, C, C]);
    expect(settleCounts(l, seen, 0, spec({ ttl: 1 }), [])).toMatchObject({ expired: 2, lost: 0, inFlight: 0 });
    const notes: string[] = [];
    expect(settleCounts(l, seen, null, spec(), notes)).toMatchObject({ inFlight: 2, lost: 0, leftInQueue: null });
    expect(notes.join()).toMatch(/unknown fate/);
  });
});

describe("replayRun", () => {
  it("with no overheads, is the FIFO c-server recursion of the run's messages (prefetch 1)", () => {
    const s = spec();
    const plan = new MessagePlan(s, 42);
    const l = new MessageLedger(10_000);
    const msgs = [];
    for (let m = plan.next(60); m; m = plan.next(60)) {
      l.sent(m.dueS * 1000);
      msgs.push(m);
    }
    // Oracle: Kiefer-Wolfowitz workload recursion for FIFO G/G/c, each message to the earliest-free consumer.
    const free = [0, 0];
    let sum = 0;
    for (const m of msgs) {
      const k = free[0]! <= free[1]! ? 0 : 1;
      const start = Math.max(m.dueS, free[k]!);
      free[k] = start + m.serviceS[0]!;
      sum += free[k]! - m.dueS;
    }
    const r = replayRun({ spec: s, seed: 42, durationS: 60, ledger: l, overheads: noOverheads });
    expect(r.W).toBeCloseTo(sum / msgs.length, 9);
    expect(r.messages).toBe(0); // nothing was measured to pair with
  });

  it("makes prefetch 10 wait longer than prefetch 1 for the same messages", () => {
    const replay = (prefetch: number) => {
      const plan = new MessagePlan(spec(), 9);
      const l = new MessageLedger(10_000);
      for (let m = plan.next(60); m; m = plan.next(60)) l.sent(m.dueS * 1000);
      return replayRun({ spec: spec({ prefetch }), seed: 9, durationS: 60, ledger: l, overheads: noOverheads }).Wq;
    };
    expect(replay(10)).toBeGreaterThan(replay(1));
  });
});

describe("overheads in the model", () => {
  it("lengthens service by a constant: the mean moves by exactly the shift, the spread stays", () => {
    const shifted = createDistribution(shiftedService({ dist: "exponential", mean: 0.03 }, 0.0007, 1)!);
    expect(shifted.mean).toBeCloseTo(0.0307, 12);
    // Stratified quantiles of Exp(mean 30 ms): the variance of 20,000 points is within 1% of 0.03^2.
    expect(Math.sqrt(shifted.variance) / 0.03).toBeCloseTo(1, 2);
    const lognormal = createDistribution(shiftedService({ dist: "lognormal", mean: 0.05, cv: 1.5 }, 0.001, 1)!);
    expect(lognormal.mean).toBeCloseTo(0.051, 12);
    expect(shiftedService({ dist: "deterministic", value: 0.01 }, 0.002, 1)).toEqual({ dist: "deterministic", value: 0.012 });
    expect(shiftedService({ dist: "pareto", shape: 0.9, scale: 1 }, 0.001, 1)).toBeNull();
  });

  it("adds the delivery delay to the messages that do not wait, and ack-to-next to those that do", () => {
    const e = (mean: number) => ({ mean, ci95: 0.001 });
    const sim = { W: e(0.07), Wq: e(0.04), utilization: e(0.75), pWait: e(0.6) } as SimulatedQueue;
    const o = { ...noOverheads, publishToDeliverMs: 1, ackToNextDeliverMs: 0.5, serviceOverrunMs: 0.1 };
    const a = adjustForDelivery(sim, o, 1);
    expect(a.W.mean).toBeCloseTo(0.07 + 0.0005 * 0.4, 12);
    expect(a.Wq.mean).toBeCloseTo(0.04 + 0.0005 * 0.6 + 0.001 * 0.4, 12);
    expect(a.extraServiceMs).toBeCloseTo(0.6, 12);
    expect(adjustForDelivery(sim, o, 10).extraServiceMs).toBeCloseTo(0.1, 12);
  });
});

describe("sleepUntil", () => {
  it("keeps an absolute schedule: lateness does not add up over 100 wake-ups", async () => {
    const start = nowMs();
    let worst = 0;
    for (let i = 1; i <= 100; i++) {
      await sleepUntil(start + i * 3);
      worst = Math.max(worst, nowMs() - (start + i * 3));
    }
    // Sleeping 3 ms relative to each wake-up would end >= 100 x 0.6 ms = 60 ms late; absolute
    // times stay within one wake-up's lateness (a loaded 2-core machine stalls up to ~50 ms).
    expect(nowMs() - (start + 300)).toBeLessThan(55);
    expect(worst).toBeLessThan(80);
  });

  it("returns at once when aborted", async () => {
    const c = new AbortController();
    const t = nowMs();
    setTimeout(() => c.abort(), 10);
    await sleepUntil(t + 10_000, c.signal);
    expect(nowMs() - t).toBeLessThan(1000);
  });
});

describe("createStream (used for the plan)", () => {
  it("is the engine's named stream: the plan's arrivals are the simulation's replication-0 arrivals", () => {
    const p = new MessagePlan(spec(), 5);
    const u = createStream(5, "r0/arrivals:orders");
    const first = -0.02 * Math.log(1 - u());
    expect(p.next(Infinity)!.dueS).toBeCloseTo(first, 12);
  });
});
