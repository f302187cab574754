import { describe, expect, it } from "vitest";
import { createArrivalProcess, poisson } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { collectArrivals, countTolerance } from "./collectArrivals.ts";

describe("poisson arrivals", () => {
  it("produces rate x T arrivals over T, within 4 standard deviations", () => {
    const process = poisson({ rate: 50 }, createStream(1, "poisson"));
    const horizon = 4000;
    const { epochs, ordered } = collectArrivals(process, horizon);
    expect(ordered).toBe(true);
    // N(T) is Poisson(rate T): variance rate T = 200000.
    expect(Math.abs(epochs.length - 50 * horizon)).toBeLessThan(countTolerance(50 * horizon));
    expect([process.meanRate, process.batchSize, process.interarrivalScv]).toEqual([50, 1, 1]);
  });

  it("has exponential gaps: sample scv within 4 standard errors of 1", () => {
    const { epochs } = collectArrivals(poisson({ rate: 2 }, createStream(1, "gaps")), 100_000);
    const gaps = epochs.map((t, i) => t - (epochs[i - 1] ?? 0));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const variance = gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / (gaps.length - 1);
    // Delta method for s^2 / m^2 with unit-mean exponential gaps (mu3 = 2, mu4 = 9):
    // Var(s^2) = 8 / n, Var(m) = 1 / n, Cov(s^2, m) = mu3 / n = 2 / n, gradient (1, -2), so
    // Var(scv) ~ (8 + 4 x 1 - 2 x 2 x 2) / n = 4 / n. Four standard errors.
    expect(Math.abs(variance / (mean * mean) - 1)).toBeLessThan(4 * Math.sqrt(4 / gaps.length));
  });

  it("with rate 0 never produces an arrival", () => {
    const process = poisson({ rate: 0 }, createStream(1, "none"));
    expect([process.next(), process.next(), process.meanRate]).toEqual([Infinity, Infinity, 0]);
  });

  it("replays the same epochs for the same seed and stream", () => {
    const a = createArrivalProcess({ process: "poisson", rate: 3 }, createStream(7, "r0/arrivals:q"));
    const b = createArrivalProcess({ process: "poisson", rate: 3 }, createStream(7, "r0/arrivals:q"));
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });
});
