import { describe, expect, it } from "vitest";
import { mmpp } from "../../../src/engine/arrivals/index.ts";
import { createStream } from "../../../src/engine/rng.ts";
import { expectThrows } from "../random/sampleStats.ts";
import { collectArrivals } from "./collectArrivals.ts";

// Two states: 20/s while "busy", 2/s while "quiet"; busy -> quiet at 0.5/s, quiet -> busy at 1/s.
const L1 = 20, L2 = 2, S1 = 0.5, S2 = 1;
const BURSTY = { states: [{ rate: L1 }, { rate: L2 }], switch: [[0, S1], [S2, 0]] };
// Stationary pi = (S2, S1) / (S1 + S2) = (2/3, 1/3), so the mean rate is 40/3 + 2/3 = 14.
const MEAN_RATE = (L1 * S2 + L2 * S1) / (S1 + S2);

/**
 * Index of dispersion Var N(t) / E N(t) of a stationary two-state MMPP. As a doubly stochastic
 * Poisson process, Var N(t) = E N(t) + 2 int_0^t (t - u) Cov(lambda(0), lambda(u)) du with
 * Cov = pi1 pi2 (L1 - L2)^2 exp(-(S1 + S2) u) (Cox & Isham, Point Processes, 1980, section 3.4;
 * Fischer & Meier-Hellstern 1993).
 */
function idc(t: number): number {
  const s = S1 + S2;
  return 1 + ((2 * S1 * S2 * (L1 - L2) ** 2) / (s * s * (L1 * S2 + L2 * S1))) * (1 - (1 - Math.exp(-s * t)) / (s * t));
}

/** Sample mean, variance, and the plug-in standard error of variance / mean (delta method). */
function dispersion(counts: number[]): { mean: number; idc: number; idcError: number } {
  const k = counts.length;
  const m = counts.reduce((a, b) => a + b, 0) / k;
  const central = (p: number) => counts.reduce((a, c) => a + (c - m) ** p, 0) / k;
  const [v, m3, m4] = [central(2), central(3), central(4)];
  // Var(s^2) = (m4 - v^2) / k, Var(mean) = v / k, Cov(s^2, mean) = m3 / k; gradient (1/m, -v/m^2).
  const variance = ((m4 - v * v) / (m * m) + (v * v * v) / m ** 4 - (2 * v * m3) / m ** 3) / k;
  return { mean: m, idc: v / m, idcError: Math.sqrt(variance) };
}

describe("mmpp arrivals", () => {
  const windows = 2000;
  const window = 10;
  // Independent replications of one window each: counts are i.i.d. and each process starts in
  // the stationary distribution, so E N(window) = MEAN_RATE x window exactly.
  const counts = Array.from({ length: windows }, (_, i) => collectArrivals(mmpp(BURSTY, createStream(1, `mmpp/${i}`)), window).epochs.length);

  it("reports the stationary mean rate of its states", () => {
    expect(mmpp(BURSTY, createStream(1, "x")).meanRate).toBeCloseTo(MEAN_RATE, 12);
    expect(MEAN_RATE).toBeCloseTo(14, 12);
  });

  it("starts stationary: counts in [0, 10] average 140, within 4 standard errors", () => {
    const { mean } = dispersion(counts);
    // Var N(10) = idc(10) x 140 (theory above); standard error sqrt(Var / windows).
    expect(Math.abs(mean - MEAN_RATE * window)).toBeLessThan(4 * Math.sqrt((idc(window) * MEAN_RATE * window) / windows));
  });

  it("is bursty: index of dispersion of counts well above 1, as the theory gives", () => {
    const { idc: observed, idcError } = dispersion(counts);
    // For Poisson counts (k - 1) x IDC is chi-square(k - 1): standard deviation sqrt(2 / (k - 1)).
    expect(observed).toBeGreaterThan(1 + 4 * Math.sqrt(2 / (windows - 1)));
    // idc(10) = 7.40; within 4 plug-in standard errors of the estimate.
    expect(Math.abs(observed - idc(window))).toBeLessThan(4 * idcError);
  });

  it("solves the stationary mix of a three-state cycle", () => {
    // Cycle 0 -> 1 -> 2 -> 0 at rates 1, 2, 4: pi is proportional to 1 / (rate out) = (1, 1/2, 1/4).
    const process = mmpp({ states: [{ rate: 1 }, { rate: 2 }, { rate: 3 }], switch: [[0, 1, 0], [0, 0, 2], [4, 0, 0]] }, createStream(1, "c"));
    expect(process.meanRate).toBeCloseTo((1 + 2 * 0.5 + 3 * 0.25) / 1.75, 12);
  });

  it("accepts the generator's negative diagonal as well as 0", () => {
    const generator = mmpp({ states: BURSTY.states, switch: [[-S1, S1], [S2, -S2]] }, createStream(1, "g"));
    const zeros = mmpp(BURSTY, createStream(1, "g"));
    for (let i = 0; i < 100; i++) expect(generator.next()).toBe(zeros.next());
  });

  it("with one state is Poisson, and with no arrival rate anywhere never arrives", () => {
    expect(mmpp({ states: [{ rate: 5 }], switch: [[0]] }, createStream(1, "one")).meanRate).toBe(5);
    const silent = mmpp({ states: [{ rate: 0 }, { rate: 0 }], switch: [[0, 1], [1, 0]] }, createStream(1, "z"));
    expect(silent.next()).toBe(Infinity);
  });

  it("names the bad entry of the switch matrix", () => {
    const r = createStream(1, "e");
    expectThrows(() => mmpp({ states: BURSTY.states, switch: [[0, 1], [-1, 0]] }, r), RangeError, "arrival.switch[1][0]: expected a number >= 0, got -1");
    expectThrows(() => mmpp({ states: BURSTY.states, switch: [[0, 1]] }, r), RangeError, "arrival.switch: expected 2 rows (one per state), got 1");
    expectThrows(() => mmpp({ states: BURSTY.states, switch: [[0, 1], [1]] }, r), RangeError, "arrival.switch[1]: expected 2 rates (one per state), got 1");
    expectThrows(() => mmpp({ states: BURSTY.states, switch: [[3, 1], [1, 0]] }, r), RangeError, "arrival.switch[0][0]: expected 0 or -1 (minus the row's other rates), got 3");
    expectThrows(() => mmpp({ states: BURSTY.states, switch: [[0, 1], [0, 0]] }, r), RangeError, "arrival.switch: the chain must be irreducible (every state reachable from every other), but state 1 is cut off");
    expectThrows(() => mmpp({ states: [{ rate: -2 }], switch: [[0]] }, r), RangeError, "arrival.states[0].rate: expected a number >= 0, got -2");
    expectThrows(() => mmpp({ states: [{ rate: 2 }], switch: [[1]] }, r), RangeError, "arrival.switch[0][0]: expected 0, got 1");
    expectThrows(() => mmpp({ states: [], switch: [] }, r), RangeError, 'arrival.states: expected a non-empty array of states like { "rate": 5 }, got []');
  });
});
