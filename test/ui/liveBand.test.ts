import { describe, expect, it } from "vitest";
import type { LiveEstimate, LiveFigure } from "../../src/live/index.ts";
import { isOutside, liveWarnings, meanBand, rateBand } from "../../src/ui/live/liveBand.ts";
import type { LivePrediction } from "../../src/ui/live/livePrediction.ts";

const fig = (value: number | null, ci95: number | null = null, windowS = 30): LiveFigure => ({ value, se: ci95 === null ? null : ci95 / 1.96, ci95, windowS, n: 10 });
const none = fig(null);
function estimate(patch: Partial<LiveEstimate>): LiveEstimate {
  return {
    windowS: 30, samples: 15, failed: 0, resets: 0,
    lambda: none, throughput: none, backlogGrowth: none, consumers: none, prefetch: none, holdingS: none, mu: none, rho: none,
    Lq: none, L: none, Wq: none, W: none, oldestAgeS: none, consumerUtilisation: none,
    overheads: { publishToDeliverS: 0, ackToNextDeliverS: 0 }, notes: [], ...patch,
  };
}
const prediction = (patch: Partial<LivePrediction> = {}): LivePrediction => ({ label: "M/M/2", lambda: 10, throughput: 10, rho: 0.5, Lq: 0.33, Wq: 0.033, unstable: false, ...patch });

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
