import { describe, expect, it } from "vitest";
import { compareLive, estimateLive, type LiveSample } from "../../src/live/index.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { addSample, emptyHistory, reestimate, type LiveHistory } from "../../src/ui/live/liveHistory.ts";
import { overheadFields, overheadText, parseOverheadMs } from "../../src/ui/live/liveOverheads.ts";
import { livePrediction } from "../../src/ui/live/livePrediction.ts";
import { LiveSession } from "../../src/ui/live/liveSession.ts";

const [publish, ack] = overheadFields;

describe("parseOverheadMs", () => {
  it("reads milliseconds as seconds, and blank as no overhead (as without the CLI flag)", () => {
    expect(parseOverheadMs(publish!, "0.7", 0)).toEqual({ ok: true, seconds: 0.0007 });
    expect(parseOverheadMs(publish!, " 2 ", 0)).toEqual({ ok: true, seconds: 0.002 });
    expect(parseOverheadMs(ack!, "0", 0.001)).toEqual({ ok: true, seconds: 0 });
    expect(parseOverheadMs(ack!, "", 0.001)).toEqual({ ok: true, seconds: 0 });
    expect(parseOverheadMs(ack!, "1e-3", 0)).toEqual({ ok: true, seconds: 1e-6 });
  });

  it("refuses anything but a finite number >= 0, naming the field and the value and keeping the last good one", () => {
    expect(parseOverheadMs(publish!, "-1", 0.0007)).toEqual({ ok: false, message: 'Publish → deliver: "-1" is not a number of milliseconds ≥ 0; keeping 0.7 ms.' });
    expect(parseOverheadMs(ack!, "abc", 0.0006)).toEqual({ ok: false, message: 'Ack → next deliver: "abc" is not a number of milliseconds ≥ 0; keeping 0.6 ms.' });
    for (const bad of ["NaN", "Infinity", "1e999", "0.7ms", "1,5", "--2"]) {
      const r = parseOverheadMs(publish!, bad, 0);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toContain(JSON.stringify(bad));
      if (!r.ok) expect(r.message).not.toMatch(/NaN ms|Infinity ms/);
    }
  });

  it("shortens a long value in the message and shows the last good value in ms", () => {
    const r = parseOverheadMs(publish!, "x".repeat(200), 0.0016);
    expect(!r.ok && r.message.length).toBeLessThan(120);
    expect(!r.ok && r.message).toMatch(/keeping 1\.6 ms\.$/);
    expect(overheadText(0.0023)).toBe("2.3");
    expect(overheadText(0)).toBe("0");
  });
});

/** An M/M/2 read every second: 40 msg/s, 1.2 messages unacked on average, prefetch 1 (mu = 33.3/s). */
function readings(): LiveSample[] {
  const out: LiveSample[] = [];
  for (let t = 0; t <= 60; t++) out.push({ t: t * 1000, counters: { published: 40 * t, acked: 40 * t }, gauges: { ready: 0.675, unacked: 1.2, consumers: 2, prefetch: 1 }, notes: [] });
  return out;
}

describe("the overheads in the prediction, as kendall live applies them", () => {
  const overheads = { publishToDeliverS: 0.0007, ackToNextDeliverS: 0.0006 };
  const parsed = parseScenario({ version: 1, name: "orders", seed: 1, queues: [{ id: "orders", arrival: { process: "poisson", rate: 40 }, service: { dist: "exponential", mean: 0.03 }, consumers: 2, prefetch: 1 }] });
  if (!parsed.ok) throw new Error("scenario");

  it("gives the same predicted Wq and W as compareLive on estimateLive with those overheads (the CLI's path)", () => {
    let h: LiveHistory = emptyHistory;
    for (const s of readings()) h = addSample(h, s, 60, overheads);
    const cli = compareLive({ source: "cli", queue: "orders", estimate: estimateLive(readings(), { windowS: 60, overheads }), scenario: parsed.scenario });
    for (const from of ["scenario", "fitted"] as const) {
      const cliReport = from === "scenario" ? cli : compareLive({ source: "cli", queue: "live", estimate: estimateLive(readings(), { windowS: 60, overheads }), queueId: "live" });
      const page = livePrediction(from, parsed.scenario, "orders", h.estimate, "orders", overheads);
      if (!page.ok) throw new Error(page.reason);
      expect(page.value.Wq).toBe(cliReport.predicted!.Wq);
      expect(page.value.W).toBe(cliReport.predicted!.W);
      expect(page.value.note).toMatch(/include 700 µs publish-to-deliver overhead/);
    }
    const plain = livePrediction("scenario", parsed.scenario, "orders", null, "orders");
    if (!plain.ok) throw new Error(plain.reason);
    expect(cli.predicted!.Wq! - plain.value.Wq!).toBeCloseTo(0.0007, 12);
  });

  it("puts ack-to-next-deliver in the estimated mu at once, without waiting for a reading", () => {
    let h: LiveHistory = emptyHistory;
    for (const s of readings()) h = addSample(h, s, 60);
    // Little: holding = 1.2 / 40 = 30 ms; mu = 1 / (30 ms + 0.6 ms).
    expect(h.estimate!.mu.value).toBeCloseTo(1 / 0.03, 9);
    const again = reestimate(h, 60, overheads);
    expect(again.estimate!.mu.value).toBeCloseTo(1 / 0.0306, 9);
    expect(again.estimate!.overheads).toEqual(overheads);
    expect(again.points).toBe(h.points);
    expect(reestimate(emptyHistory, 60, overheads)).toBe(emptyHistory);
  });

  it("are kept by the session across reconnects, in memory only", () => {
    const session = new LiveSession(60, 30, () => 0, "http://127.0.0.1:9/bridge");
    session.setOverheads(overheads);
    session.connect({ kind: "rabbitmq-api", baseUrl: "http://127.0.0.1:9", queue: "q", username: "u", password: "secret-pass" });
    session.stop();
    const state = session.getSnapshot();
    expect(state.overheads).toEqual(overheads);
    expect(JSON.stringify(state)).not.toContain("secret-pass");
  });
});
