import { describe, expect, it } from "vitest";
import { mmc, mmcServiceLevel, mmcSojournQuantile, mmcSojournSurvival, mmcWaitQuantile } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("mmc", () => {
  it("matches Bronson's M/M/3 problem 24.6", () => {
    // Bronson (Schaum's Operations Research, 1982) problem 24.6, via Casquilho's IST calculator page:
    // s = 3, lambda = 300/yr, mean service 2 days (mu = 182.5/yr) -> Lq = 0.352, L = 1.996,
    // Wq = 0.001175 yr = 0.43 d, W = 0.006654 yr = 2.429 d.
    const r = mmc(300, 182.5, 3);
    expect(r.Lq).toBeCloseTo(0.352, 3);
    expect(r.L).toBeCloseTo(1.996, 3);
    expect(r.Wq).toBeCloseTo(0.001175, 6);
    expect(r.W).toBeCloseTo(0.006654, 6);
    expect((r.W as number) * 365).toBeCloseTo(2.429, 3);
    expect((r.Wq as number) * 365).toBeCloseTo(0.43, 2);
  });

  it("matches the R queueing package's M/M/2 example", () => {
    // R queueing NewInput.MMC(lambda=5, mu=10, c=2) ([Sixto2004] ex. 10.9): P0 = 0.6, so
    // Lq = 1/30, L = 8/15, W = 8/75, Wq = 1/150 (M/M/c formulas, Gross & Harris 4th ed. ch. 2).
    const r = mmc(5, 10, 2);
    expectClose(r.Lq, 1 / 30, 1e-12);
    expectClose(r.L, 8 / 15, 1e-12);
    expectClose(r.W, 8 / 75, 1e-12);
    expectClose(r.Wq, 1 / 150, 1e-12);
  });

  it("gives the call-centre example's service level and answer time", () => {
    // Erlang-C worked example, 48 E on 55 agents with 240 s handling (secondary source: public
    // Erlang-C calculator tests): service level 86.7% within 20 s, average speed of answer 8.18 s.
    const lambda = 48 / 240;
    expect(mmcServiceLevel(lambda, 1 / 240, 55, 20)).toBeCloseTo(0.8668, 3);
    expect(mmc(lambda, 1 / 240, 55).Wq).toBeCloseTo(8.184, 2);
  });

  it("reports wait percentiles that invert P(Wq > t) = C e^{-(c mu - lambda) t}", () => {
    const r = mmc(8, 1, 10);
    const p99 = mmcWaitQuantile(8, 1, 10, 0.99);
    expect(r.wait?.p99).toBe(p99);
    expectClose(mmcServiceLevel(8, 1, 10, p99), 0.99, 1e-12);
    const s99 = mmcSojournQuantile(8, 1, 10, 0.99);
    expectClose(mmcSojournSurvival(8, 1, 10, s99), 0.01, 1e-9);
  });

  it("handles c mu - lambda = mu in the sojourn law (the hypoexponential's double root)", () => {
    // lambda = (c - 1) mu: the conditional wait and the service have the same rate, P = (1 + mu t) e^{-mu t}.
    const C = mmc(1, 1, 2).pWait as number;
    const t = 1.7;
    expectClose(mmcSojournSurvival(1, 1, 2, t), (1 - C) * Math.exp(-t) + C * (1 + t) * Math.exp(-t), 1e-12);
  });
});
