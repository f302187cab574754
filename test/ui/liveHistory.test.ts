import { describe, expect, it } from "vitest";
import { brokerSource, errorSample, type LiveSample } from "../../src/live/index.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { addSample, emptyHistory, maxPoints, type LiveHistory } from "../../src/ui/live/liveHistory.ts";
import { livePrediction } from "../../src/ui/live/livePrediction.ts";
import { MmcBroker } from "../live/support/mmcBroker.ts";

/** Readings of an M/M/2 on the in-browser broker's queue every second for `seconds`. */
async function mm2(seconds: number, lambda = 10, mu = 6.25): Promise<LiveSample[]> {
  const b = new MmcBroker(lambda, mu, 2, 1, 7);
  const source = brokerSource({ queue: b.queue, nowS: () => b.now, exactAreas: true });
  const out: LiveSample[] = [];
  for (let t = 0; t <= seconds; t++) {
    b.runUntil(t);
    out.push(await source.sample());
  }
  return out;
}

describe("addSample", () => {
  it("adds one point per good reading with finite figures, and none for a failed one", async () => {
    let h: LiveHistory = emptyHistory;
    const samples = await mm2(42);
    for (const s of samples.slice(0, 41)) h = addSample(h, s, 30);
    h = addSample(h, errorSample(41_000, { code: "unreachable", message: "down" }), 30);
    expect(h.points).toHaveLength(41);
    h = addSample(h, samples[42]!, 30);
    expect(h.points).toHaveLength(42);
    expect(h.points[0]!.t).toBe(0);
    expect(h.points.at(-1)!.t).toBe(42);
    for (const p of h.points) for (const v of Object.values(p)) expect(v === null || Number.isFinite(v)).toBe(true);
    // 30 s at 10 msg/s: about 300 arrivals, sd 17 (Poisson); 4 sd is +-2.3 msg/s.
    expect(h.points.at(-1)!.lambda).toBeGreaterThan(10 - 2.3);
    expect(h.points.at(-1)!.lambda).toBeLessThan(10 + 2.3);
    expect(h.estimate!.failed).toBe(1);
  });

  it("keeps only the samples of the window and at most maxPoints points", async () => {
    let h: LiveHistory = emptyHistory;
    const samples = await mm2(5);
    for (let k = 0; k < maxPoints + 50; k++) h = addSample(h, { ...samples[k % samples.length]!, t: k * 1000, counters: { published: k, acked: k } }, 10);
    expect(h.points).toHaveLength(maxPoints);
    expect(h.samples.length).toBeLessThanOrEqual(16);
  });

  it("notes a counter reset and goes on estimating after it", () => {
    let h: LiveHistory = emptyHistory;
    const at = (t: number, n: number): LiveSample => ({ t: t * 1000, counters: { published: n, acked: n, delivered: n }, gauges: { ready: 0, unacked: 0, consumers: 1, prefetch: 1 }, notes: [] });
    for (let t = 0; t < 10; t++) h = addSample(h, at(t, 1000 + 5 * t), 30);
    for (let t = 10; t < 15; t++) h = addSample(h, at(t, 5 * (t - 10)), 30);
    expect(h.resets).toBe(1);
    expect(h.points.at(-1)!.lambda).toBeCloseTo(5, 6);
  });
});

describe("livePrediction", () => {
  const parsed = parseScenario({ version: 1, name: "mm2", seed: 1, queues: [{ id: "q", arrival: { process: "poisson", rate: 10 }, service: { dist: "exponential", mean: 0.16 }, consumers: 2, prefetch: 1 }] });
  if (!parsed.ok) throw new Error("scenario");

  it("predicts from the page's scenario through analyzeScenario", () => {
    const r = livePrediction("scenario", parsed.scenario, "q", null, "q");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // M/M/2 with lambda 10, mu 6.25: rho = 0.8 (lambda / (c mu)).
    expect(r.value.lambda).toBe(10);
    expect(r.value.rho).toBeCloseTo(0.8, 12);
    // Erlang C: Lq = P0 (a^c rho) / (c! (1 - rho)^2), a = 1.6 -> P0 = 1/9, Lq = 2.8444 (Gross & Harris eq. 2.34).
    expect(r.value.Lq).toBeCloseTo(2.8444, 3);
    expect(r.value.Wq).toBeCloseTo(0.28444, 4);
  });

  it("predicts from a model fitted to the readings, or says why not", async () => {
    let h: LiveHistory = emptyHistory;
    expect(livePrediction("fitted", parsed.scenario, "q", null, "q")).toEqual({ ok: false, reason: "no readings to fit yet" });
    for (const s of await mm2(60)) h = addSample(h, s, 60);
    const r = livePrediction("fitted", parsed.scenario, "q", h.estimate, "q");
    expect(r.ok && r.value.label).toMatch(/fitted/);
    expect(r.ok && r.value.lambda).toBeCloseTo(h.estimate!.lambda.value!, 9);
  });

  it("gives unbounded figures as null for an unstable model", () => {
    const p = parseScenario({ version: 1, name: "over", seed: 1, queues: [{ id: "q", arrival: { process: "poisson", rate: 20 }, service: { dist: "exponential", mean: 0.16 }, consumers: 2, prefetch: 1 }] });
    if (!p.ok) throw new Error("scenario");
    const r = livePrediction("scenario", p.scenario, "q", null, "q");
    expect(r.ok && r.value.unstable).toBe(true);
    expect(r.ok && r.value.Wq).toBeNull();
  });
});
