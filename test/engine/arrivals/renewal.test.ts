import { describe, expect, it } from "vitest";
import { renewal } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { expectThrows } from "../random/sampleStats.ts";
import { collectArrivals, countTolerance } from "./collectArrivals.ts";

describe("renewal arrivals", () => {
  it("has mean rate 1 / mean gap and the gap distribution's scv", () => {
    const process = renewal({ interarrival: { dist: "gamma", mean: 0.02, cv: 0.5 } }, createStream(1, "renewal"));
    expect(process.meanRate).toBeCloseTo(50, 12);
    expect(process.interarrivalScv).toBeCloseTo(0.25, 12);
    const horizon = 4000;
    const { epochs, ordered } = collectArrivals(process, horizon);
    expect(ordered).toBe(true);
    // Renewal CLT (Ross, Stochastic Processes, 2nd ed., thm 3.3.5): N(T) is about normal with
    // variance T sigma^2 / mu^3 = rate scv T = 50 x 0.25 x 4000 = 50000.
    expect(Math.abs(epochs.length - 50 * horizon)).toBeLessThan(countTolerance(50 * 0.25 * horizon));
  });

  it("with deterministic gaps arrives on a grid", () => {
    const process = renewal({ interarrival: { dist: "deterministic", value: 0.5 } }, createStream(1, "grid"));
    expect([process.next(), process.next(), process.next()]).toEqual([0.5, 1, 1.5]);
    expect(process.interarrivalScv).toBe(0);
  });

  it("reports an infinite scv for gaps with infinite variance and rate 0 for an infinite mean", () => {
    expect(renewal({ interarrival: { dist: "pareto", shape: 1.5, scale: 1 } }, createStream(1, "p")).interarrivalScv).toBe(Infinity);
    expect(renewal({ interarrival: { dist: "pareto", shape: 0.9, scale: 1 } }, createStream(1, "p")).meanRate).toBe(0);
  });

  it("rejects a zero mean gap and names nested fields", () => {
    expectThrows(() => renewal({ interarrival: { dist: "deterministic", value: 0 } }, createStream(1, "x")), RangeError, "arrival.interarrival: expected a mean interarrival time > 0, got 0");
    expectThrows(() => renewal({ interarrival: { dist: "exponential", mean: -1 } }, createStream(1, "x")), RangeError, "arrival.interarrival.mean: expected a number > 0, got -1");
  });
});
