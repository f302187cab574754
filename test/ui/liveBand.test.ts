import { describe, expect, it } from "vitest";
import type { LiveEstimate, LiveFigure } from "../../src/live/index.ts";
import { isOutside, liveWarnings, meanBand, rateBand, waitComparison } from "../../src/ui/live/liveBand.ts";
import type { LivePrediction } from "../../src/ui/live/livePrediction.ts";

const fig = (value: number | null, ci95: number | null = null, windowS = 30): LiveFigure => ({ value, se: ci95 === null ? null : ci95 / 1.96, ci95, windowS, n: 10 });
const none = fig(null);
function estimate(patch: Partial<LiveEstimate>): LiveEstimate {
  return {
    windowS: 30, samples: 15, failed: 0, resets: 0,
    lambda: none, throughput: none, backlogGrowth: none, consumers: none, prefetch: none, holdingS: none, mu: none, rho: none,
    Lq: none, L: none, Wq: none, W: none, waitReadyOnly: false, oldestAgeS: none, consumerUtilisation: none,
    overheads: { publishToDeliverS: 0, ackToNextDeliverS: 0 }, notes: [], ...patch,
  };
}
const prediction = (patch: Partial<LivePrediction> = {}): LivePrediction => ({ label: "M/M/2", lambda: 10, throughput: 10, rho: 0.5, Lq: 0.33, Wq: 0.033, W: 0.193, consumerCapacity: null, unstable: false, note: null, ...patch });

describe("rateBand", () => {
  it("is the Poisson 95% band of a rate counted over the window", () => {
    // 10 msg/s over 40 s: 400 expected, sd sqrt(400) = 20 messages = 0.5 msg/s; 1.96 sd = 0.98 msg/s.
    const b = rateBand(10, 40)!;
    expect(b.mid).toBe(10);
    expect(b.hi - 10).toBeCloseTo(0.98, 2);
    expect(10 - b.lo).toBeCloseTo(0.98, 2);
  });

  it("narrows as the window grows and never goes below 0", () => {
    expect(rateBand(10, 120)!.hi).toBeLessThan(rateBand(10, 30)!.hi);
    expect(rateBand(0.01, 1)!.lo).toBe(0);
  });

  it("is null for unknown or meaningless input, never NaN", () => {
    expect(rateBand(null, 30)).toBeNull();
    expect(rateBand(NaN, 30)).toBeNull();
    expect(rateBand(10, 0)).toBeNull();
    expect(rateBand(Infinity, 30)).toBeNull();
  });
});

describe("meanBand and isOutside", () => {
  it("spans the observed half-width around the prediction", () => {
    expect(meanBand(2, 0.5)).toEqual({ mid: 2, lo: 1.5, hi: 2.5 });
    expect(meanBand(0.2, 0.5)).toEqual({ mid: 0.2, lo: 0, hi: 0.7 });
    expect(meanBand(2, null)).toEqual({ mid: 2, lo: 2, hi: 2 });
    expect(meanBand(Infinity, 1)).toBeNull();
  });

  it("says outside only when both are known", () => {
    expect(isOutside(3, { mid: 2, lo: 1.5, hi: 2.5 })).toBe(true);
    expect(isOutside(2.4, { mid: 2, lo: 1.5, hi: 2.5 })).toBe(false);
    expect(isOutside(null, { mid: 2, lo: 1.5, hi: 2.5 })).toBe(false);
    expect(isOutside(3, null)).toBe(false);
  });
});

describe("liveWarnings", () => {
  it("is silent with nothing observed or all within the bands", () => {
    expect(liveWarnings(null, prediction())).toEqual([]);
    expect(liveWarnings(estimate({ lambda: fig(10.2, 1), throughput: fig(9.9, 1), rho: fig(0.5, 0.05), Wq: fig(0.034, 0.01) }), prediction())).toEqual([]);
  });

  it("warns when rho approaches 1, and louder when it passes it", () => {
    expect(liveWarnings(estimate({ rho: fig(0.93, 0.02) }), null).map((w) => w.key)).toEqual(["rho"]);
    expect(liveWarnings(estimate({ rho: fig(1.1, 0.02) }), null).map((w) => w.key)).toEqual(["unstable"]);
    expect(liveWarnings(estimate({}), prediction({ unstable: true, rho: 1.2 })).map((w) => w.key)).toEqual(["unstable"]);
  });

  it("warns when the observed arrival rate leaves the predicted band", () => {
    // Band of 10 msg/s over 30 s: 10 ± 1.13; 14 is far outside.
    const w = liveWarnings(estimate({ lambda: fig(14, 1.3) }), prediction());
    expect(w.map((x) => x.key)).toEqual(["lambda"]);
    expect(w[0]!.text).toMatch(/14 msg\/s is outside the predicted band 8\.87 msg\/s to 11\.1 msg\/s/);
    expect(w[0]!.text).not.toMatch(/NaN/);
  });

  it("warns about a backlog that grows beyond chance only", () => {
    expect(liveWarnings(estimate({ backlogGrowth: fig(2, 0.5) }), null).map((w) => w.key)).toEqual(["backlog"]);
    expect(liveWarnings(estimate({ backlogGrowth: fig(0.2, 0.5) }), null)).toEqual([]);
  });
});

describe("the wait compared with the model", () => {
  // A real queue with prefetch 10: nothing stays ready (Wq reads ~0 ms) while messages wait about
  // 60 ms in the consumers' windows; W = L / lambda counts them. The prediction's Wq is 33 ms.
  const prefetch10 = (W: LiveFigure) => estimate({ prefetch: fig(10), waitReadyOnly: true, Wq: fig(0.0004, 0.0002), W, lambda: fig(10, 1.1), throughput: fig(10, 1.1) });

  it("compares Wq when the estimate's Wq counts every waiting message", () => {
    const w = waitComparison(estimate({ Wq: fig(0.034, 0.01) }), prediction());
    expect(w).toEqual({ figure: "Wq", observed: 0.034, band: { mid: 0.033, lo: expect.closeTo(0.023, 12), hi: expect.closeTo(0.043, 12) }, why: null });
    // 80 ms against 33 +- 10 ms: outside, and said as a wait.
    const warned = liveWarnings(estimate({ Wq: fig(0.08, 0.01) }), prediction());
    expect(warned.map((x) => x.key)).toEqual(["Wq"]);
    expect(warned[0]!.text).toBe("Observed mean wait 80 ms is outside the predicted band 23 ms to 43 ms.");
  });

  it("compares W with the predicted W when Wq is ready-only (prefetch > 1), so a near-0 Wq raises no false warning", () => {
    const e = prefetch10(fig(0.2, 0.02));
    const w = waitComparison(e, prediction());
    expect(w.figure).toBe("W");
    expect(w.observed).toBe(0.2);
    expect(w.band!.mid).toBe(0.193);
    expect(w.band!.lo).toBeCloseTo(0.173, 12);
    expect(w.why).toMatch(/with prefetch 10, messages also wait in the consumers' windows/);
    // The ready-only Wq (0.4 ms) is far below the predicted 33 ms: no warning for it.
    expect(liveWarnings(e, prediction())).toEqual([]);
  });

  it("warns about W outside its band, saying why W and not Wq", () => {
    const w = liveWarnings(prefetch10(fig(0.3, 0.02)), prediction());
    expect(w.map((x) => x.key)).toEqual(["W"]);
    expect(w[0]!.text).toMatch(/^Observed mean time in the broker W 300 ms is outside the predicted band 173 ms to 213 ms \(W rather than Wq: with prefetch 10, messages also wait in the consumers' windows, which the ready count \(and so Wq\) does not see\)\.$/);
  });

  it("names an unknown or unlimited prefetch, and gives no band without a predicted W", () => {
    expect(waitComparison(estimate({ waitReadyOnly: true }), prediction()).why).toMatch(/with an unknown prefetch,/);
    expect(waitComparison(estimate({ waitReadyOnly: true, prefetch: fig(0) }), prediction()).why).toMatch(/with unlimited prefetch,/);
    expect(waitComparison(prefetch10(fig(0.3, 0.02)), prediction({ W: null })).band).toBeNull();
    expect(liveWarnings(prefetch10(fig(0.3, 0.02)), prediction({ W: null }))).toEqual([]);
    expect(waitComparison(null, null)).toEqual({ figure: "Wq", observed: null, band: null, why: null });
  });
});
