import { describe, expect, it } from "vitest";
import { mva } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("mva", () => {
  it("reproduces Lazowska et al.'s exact MVA example (Quantitative System Performance, ch. 6, p. 117)", () => {
    // CPU 121 visits x 5 ms, Disk1 70 x 30 ms, Disk2 50 x 27 ms, N = 3, Z = 15 s. Exact MVA queue
    // lengths 0.0976, 0.3947, 0.2350 (as checked in layeredqueuing/V5 libmva/regression/test0).
    const r = mva({ stations: [{ name: "cpu", demand: 0.005 * 121 }, { demand: 0.03 * 70 }, { demand: 0.027 * 50 }], population: 3, thinkTime: 15 });
    expect(r.stations[0]?.queueLength).toBeCloseTo(0.0976, 4);
    expect(r.stations[1]?.queueLength).toBeCloseTo(0.3947, 4);
    expect(r.stations[2]?.queueLength).toBeCloseTo(0.235, 4);
    expect(r.stations[0]?.name).toBe("cpu");
    // Little over the whole cycle: N = X (R + Z).
    expectClose(r.throughput * r.cycleTime, 3, 1e-12);
  });

  it("gives one message the bare demands", () => {
    const r = mva({ stations: [{ demand: 0.2 }, { demand: 0.3, servers: 4 }, { demand: 1, servers: "delay" }], population: 1, thinkTime: 2 });
    expectClose(r.throughput, 1 / 3.5, 1e-12);
    expectClose(r.responseTime, 1.5, 1e-12);
  });

  it("solves a multi-server station exactly (finite-source M/M/c//N)", () => {
    // Closed form: p_k ∝ N!/(N-k)! (D/Z)^k / (min(k,c)! c^{max(k-c,0)}), X = sum min(k, c) p_k / D.
    const [N, D, Z, c] = [12, 1, 4, 3];
    const w = [1];
    for (let k = 1; k <= N; k++) w.push(((w[k - 1] as number) * (N - k + 1) * (D / Z)) / Math.min(k, c));
    const z = w.reduce((s, v) => s + v, 0);
    const X = w.reduce((s, v, k) => s + Math.min(k, c) * v, 0) / z / D;
    const r = mva({ stations: [{ demand: D, servers: c }], population: N, thinkTime: Z });
    expectClose(r.throughput, X, 1e-10);
    expect(r.exact).toBe(true);
  });

  it("labels Seidmann's approximation as such", () => {
    const r = mva({ stations: [{ demand: 1, servers: 3 }], population: 12, thinkTime: 4, multiServer: "seidmann" });
    expect(r.exact).toBe(false);
    expect(r.model).toMatch(/Seidmann/);
    expect(r.stations).toHaveLength(1);
  });

  it("has zero throughput with no messages and rejects a fractional population", () => {
    expect(mva({ stations: [{ demand: 1 }], population: 0 }).throughput).toBe(0);
    expect(() => mva({ stations: [{ demand: 1 }], population: 2.5 })).toThrow("invalid population: 2.5 (must be an integer >= 0)");
  });
});
