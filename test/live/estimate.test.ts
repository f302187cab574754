import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateLive } from "../../src/live/estimate/estimateLive.ts";
import { fitScenario } from "../../src/live/estimate/fitScenario.ts";
import { compareLive } from "../../src/live/compare.ts";
import { formatLiveReport } from "../../src/live/formatReport.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import type { LiveSample } from "../../src/live/types.ts";

/** Samples every `stepS` seconds for `spanS`, figures given as functions of time (s). */
function series(spanS: number, stepS: number, f: (t: number) => Partial<Pick<LiveSample, "counters" | "gauges" | "countersAt" | "gaugesAt">>): LiveSample[] {
  const out: LiveSample[] = [];
  for (let t = 0; t <= spanS + 1e-9; t += stepS) out.push({ t: t * 1000, counters: {}, gauges: {}, notes: [], ...f(t) });
  return out;
}

describe("estimateLive: rates from counters", () => {
  it("gives lambda and throughput from counter increases, with the Poisson standard error", () => {
    const e = estimateLive(series(60, 1, (t) => ({ counters: { published: 40 * t, acked: 39 * t } })));
    expect(e.lambda.value).toBeCloseTo(40, 9);
    expect(e.throughput.value).toBeCloseTo(39, 9);
    // Poisson: sqrt(N) / T = sqrt(2400) / 60 (regular increments have no extra dispersion).
    expect(e.lambda.se).toBeCloseTo(Math.sqrt(2400) / 60, 9);
    expect(e.lambda.ci95).toBeCloseTo(1.96 * Math.sqrt(2400) / 60, 2);
    expect(e.lambda.windowS).toBe(60);
    expect(e.backlogGrowth.value).toBeCloseTo(1, 9);
  });

  it("restarts the window at a counter reset instead of giving a negative rate", () => {
    // Broker restart at t = 31 s: counters start again from 0.
    const e = estimateLive(series(60, 1, (t) => ({ counters: { published: t < 31 ? 1000 + 40 * t : 40 * (t - 31), acked: t < 31 ? 900 + 40 * t : 40 * (t - 31) } })));
    expect(e.resets).toBe(1);
    expect(e.lambda.value).toBeCloseTo(40, 9);
    expect(e.lambda.windowS).toBe(29);
    expect(e.notes.join(" ")).toMatch(/counters went down 1 time .*window restarts/);
  });

  it("detects a reset across readings that lacked the counter (message_stats absent after a restart)", () => {
    const samples = series(20, 1, (t) => (t === 10 ? {} : { counters: { published: t < 10 ? 500 + 40 * t : 40 * (t - 10) } }));
    const e = estimateLive(samples);
    expect(e.resets).toBe(1);
    expect(e.lambda.value).toBeCloseTo(40, 9);
  });

  it("uses the broker's refresh stamps, so stale repeated readings do not bias the rate", () => {
    // Management-style: polled every second, counters refreshed every 5 s and stamped 1 s late.
    const stamp = (t: number) => Math.floor(t / 5) * 5 - 1;
    const e = estimateLive(series(40, 1, (t) => ({ t: t * 1000, countersAt: stamp(t) * 1000, counters: { published: 40 * stamp(t) } })));
    expect(e.lambda.value).toBeCloseTo(40, 9);
    expect(e.lambda.n).toBe(40 * 40);
    expect(e.lambda.method).toMatch(/9 readings/);
  });

  it("uses deliveries as the throughput when nothing is acked (auto-ack)", () => {
    const e = estimateLive(series(10, 1, (t) => ({ counters: { published: 10 * t, delivered: 10 * t, acked: 0 } })));
    expect(e.throughput.value).toBeCloseTo(10, 9);
    expect(e.throughput.method).toMatch(/auto-ack/);
  });
});

describe("estimateLive: time averages, mu and Little's law", () => {
  const prefetch1 = (t: number) => ({
    counters: { published: 40 * t, acked: 40 * t },
    gauges: { ready: t % 2 === 0 ? 0 : 2, unacked: 1.2, consumers: 2, prefetch: 1 },
  });

  it("estimates mu from unacked / throughput with prefetch 1, and rho, Wq, W from it", () => {
    const e = estimateLive(series(60, 1, prefetch1));
    expect(e.Lq.value).toBeCloseTo(1, 1); // ready alternates 0, 2
    expect(e.holdingS.value).toBeCloseTo(1.2 / 40, 9);
    expect(e.mu.value).toBeCloseTo(40 / 1.2, 9);
    expect(e.rho.value).toBeCloseTo(40 / (2 * (40 / 1.2)), 9);
    expect(e.Wq.value).toBeCloseTo(e.Lq.value! / 40, 9);
    expect(e.W.value).toBeCloseTo((e.Lq.value! + 1.2) / 40, 9);
    expect(e.Lq.se).toBeGreaterThan(0);
  });

  it("adds the ack-to-next-deliver overhead to the service time", () => {
    const e = estimateLive(series(60, 1, prefetch1), { overheads: { ackToNextDeliverS: 0.002 } });
    expect(e.mu.value).toBeCloseTo(1 / (1.2 / 40 + 0.002), 9);
    expect(() => estimateLive([], { overheads: { publishToDeliverS: -1 } })).toThrow(/overheads.publishToDeliverS: -1/);
  });

  it("says why mu is unknown with prefetch > 1, and derives it when the consumers are saturated", () => {
    const idle = estimateLive(series(60, 1, (t) => ({ ...prefetch1(t), gauges: { ...prefetch1(t).gauges, prefetch: 10 } })));
    expect(idle.mu.value).toBeNull();
    expect(idle.mu.reason).toMatch(/prefetch is 10: unacked messages include ones buffered/);
    expect(idle.rho.value).toBeNull();
    // Ready alone misses the wait in the consumers' windows: Wq says so, W (from L) holds it.
    expect(idle.Wq.reason).toMatch(/count ready messages only: with prefetch 10, .*understate the wait/);
    expect(idle.notes.join(" ")).toMatch(/Lq and Wq count ready messages only/);
    expect(idle.waitReadyOnly).toBe(true);
    expect(estimateLive(series(60, 1, prefetch1)).Wq.reason).toBeUndefined();
    expect(estimateLive(series(60, 1, prefetch1)).waitReadyOnly).toBe(false);
    const busy = estimateLive(series(60, 1, (t) => ({ counters: { published: 70 * t, acked: 60 * t }, gauges: { ready: 50 + t, unacked: 20, consumers: 2, prefetch: 10 } })));
    expect(busy.mu.value).toBeCloseTo(30, 9);
    expect(busy.mu.method).toMatch(/saturated/);
    expect(busy.notes.join(" ")).toMatch(/backlog grows by about 10/);
  });

  it("counts a gauge reading the broker stamps with an old refresh only once", () => {
    const stamped = estimateLive(series(30, 1, (t) => ({ gauges: { ready: Math.floor(t / 5) }, gaugesAt: { ready: Math.floor(t / 5) * 5000 } })));
    expect(stamped.Lq.n).toBe(7);
    const equal = estimateLive(series(4, 1, () => ({ gauges: { ready: 0 } })));
    expect(equal.Lq).toMatchObject({ value: 0, se: null, ci95: null, reason: expect.stringMatching(/all 5 readings were equal/) });
    const one = estimateLive(series(0, 1, () => ({ gauges: { ready: 4 } })));
    expect(one.Lq).toMatchObject({ value: 4, se: null, reason: expect.stringMatching(/only 1 distinct reading/) });
  });

  it("takes consumers and prefetch from options when the source cannot tell (NATS)", () => {
    const e = estimateLive(series(30, 1, (t) => ({ counters: { published: 20 * t, acked: 20 * t }, gauges: { ready: 0, unacked: 0.5, prefetch: 1000 } })), { consumers: 2, prefetch: 1 });
    expect(e.consumers.value).toBe(2);
    expect(e.mu.value).toBeCloseTo(40, 9);
    const without = estimateLive(series(30, 1, () => ({ gauges: { ready: 0 } })));
    expect(without.consumers.reason).toMatch(/give their number/);
  });
});

describe("estimateLive on garbage", () => {
  it("skips failed readings and returns nulls with reasons for an empty window", () => {
    const e = estimateLive([{ t: 0, counters: {}, gauges: {}, notes: [], error: { code: "unreachable", message: "x" } }]);
    expect(e.failed).toBe(1);
    for (const k of ["lambda", "throughput", "mu", "rho", "Lq", "L", "Wq", "W"] as const) {
      expect(e[k].value).toBeNull();
      expect(e[k].reason).toBeTruthy();
    }
  });

  it("never throws, never gives NaN or a negative rate, whatever the samples", () => {
    const num = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -5, max: 1e6 }), fc.constant(Number.NaN));
    const sample = fc.record({
      t: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(Number.NaN)),
      counters: fc.record({ published: num, acked: num, delivered: num }, { requiredKeys: [] }),
      gauges: fc.record({ ready: num, unacked: num, consumers: num, prefetch: fc.constantFrom(0, 1, 10) }, { requiredKeys: [] }),
      notes: fc.constant([] as string[]),
    });
    fc.assert(fc.property(fc.array(sample, { maxLength: 30 }), (samples) => {
      const e = estimateLive(samples as LiveSample[]);
      const json = JSON.stringify(e);
      expect(json).not.toMatch(/NaN/);
      for (const k of ["lambda", "throughput"] as const) if (e[k].value !== null) expect(e[k].value).toBeGreaterThanOrEqual(0);
    }), { numRuns: 300 });
  });
});

describe("fitScenario and compareLive", () => {
  const e = estimateLive(series(60, 1, (t) => ({ counters: { published: 40 * t, acked: 40 * t }, gauges: { ready: 0.675, unacked: 1.2, consumers: 2, prefetch: 1 } })));

  it("fits an M/M/c scenario with the estimated lambda, 1/mu, consumers and prefetch", () => {
    const fit = fitScenario(e, { queueId: "orders" });
    if (!fit.ok) throw new Error(fit.reason);
    const q = fit.scenario.queues[0]!;
    expect(q).toMatchObject({ id: "orders", arrival: { process: "poisson", rate: 40 }, consumers: 2, prefetch: 1 });
    expect(q.service).toEqual({ dist: "exponential", mean: expect.closeTo(0.03, 9) });
  });

  it("refuses to fit without mu, and says why", () => {
    const noMu = { ...e, mu: { value: null, se: null, ci95: null, windowS: 0, n: 0, reason: "prefetch is 10" } };
    expect(fitScenario(noMu)).toEqual({ ok: false, reason: "mu unknown: prefetch is 10" });
  });

  it("predicts with the analytic M/M/2 model of the fitted scenario", () => {
    const r = compareLive({ source: "test", queue: "orders", estimate: e });
    expect(r.predicted?.model).toBe("M/M/2");
    // M/M/2 with a = lambda/mu = 1.2, rho = 0.6: Erlang C gives Lq = 0.675 (Gross & Harris, eq. 2.29 family).
    expect(r.predicted?.Lq).toBeCloseTo(0.675, 6);
    expect(r.observed.Lq.value).toBeCloseTo(0.675, 9);
    expect(r.predictedFrom).toMatchObject({ fitted: true, queue: "orders", scenario: "live: orders" });
  });

  it("adds the publish-to-deliver overhead to predicted W and Wq", () => {
    const withOverhead = estimateLive(series(60, 1, (t) => ({ counters: { published: 40 * t, acked: 40 * t }, gauges: { ready: 0, unacked: 1.2, consumers: 2, prefetch: 1 } })), { overheads: { publishToDeliverS: 0.005 } });
    const plain = compareLive({ source: "t", queue: "q", estimate: { ...withOverhead, overheads: { publishToDeliverS: 0, ackToNextDeliverS: 0 } } });
    const r = compareLive({ source: "t", queue: "q", estimate: withOverhead });
    expect(r.predicted!.W! - plain.predicted!.W!).toBeCloseTo(0.005, 12);
  });

  const mm2 = parseScenario({ version: 1, name: "orders model", seed: 1, queues: [{ id: "orders", arrival: { process: "poisson", rate: 40 }, service: { dist: "exponential", mean: 0.03 }, consumers: 2, prefetch: 1 }] });
  if (!mm2.ok) throw new Error("scenario");

  it("gives the given scenario's arrival rate as predicted lambda, and the table shows it", () => {
    const r = compareLive({ source: "test", queue: "orders", estimate: e, scenario: mm2.scenario });
    // Poisson rate 40 msg/s into the only queue: lambda = 40 by the traffic equations.
    expect(r.predicted?.lambda).toBe(40);
    expect(formatLiveReport(r)).toMatch(/^lambda \(msg\/s\) +40 ± [\d.]+ +40$/m);
  });

  it("says M/M/c underestimates the wait when the queue is observed with a prefetch over 1", () => {
    const p10 = estimateLive(series(60, 1, (t) => ({ counters: { published: 40 * t, acked: 40 * t }, gauges: { ready: 0, unacked: 12, consumers: 2, prefetch: 10 } })));
    const r = compareLive({ source: "test", queue: "orders", estimate: p10, scenario: mm2.scenario });
    expect(r.predicted?.note).toMatch(/observed prefetch 10: .*underestimates the wait/);
    expect(r.predicted?.exact).toBe(false);
    expect(formatLiveReport(r)).toMatch(/model notes:\n {2}observed prefetch 10/);
    expect(compareLive({ source: "test", queue: "orders", estimate: e, scenario: mm2.scenario }).predicted?.note).toBeUndefined();
    // The model's consumer capacity holds for prefetch 1 only: it is not offered beside a prefetch 10 queue.
    expect(r.predicted?.consumerCapacity).toBeUndefined();
  });

  it("predicts RabbitMQ's consumer utilisation for a prefetch 1 queue, beside the observed one", () => {
    const withUtil = estimateLive(series(60, 1, (t) => ({ counters: { published: 40 * t, acked: 40 * t }, gauges: { ready: 0.675, unacked: 1.2, consumers: 2, prefetch: 1, consumerUtilisation: 0.56 } })));
    const r = compareLive({ source: "test", queue: "orders", estimate: withUtil, scenario: mm2.scenario });
    // M/M/2, a = 1.2: Erlang C = 0.45 (as above), so 1 - P(both busy) = 0.55.
    expect(r.predicted?.consumerCapacity).toBeCloseTo(0.55, 9);
    expect(formatLiveReport(r)).toMatch(/^consumer utilisation +0\.56 +0\.55$/m);
  });
});
