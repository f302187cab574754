import { describe, expect, it } from "vitest";
import {
  allenCunneen,
  analyzeStation,
  batchMG1,
  erlangA,
  erlangB,
  erlangC,
  kingman,
  md1,
  mek1,
  mg1,
  mm1,
  mm1k,
  mmc,
  mmck,
  priorityNonPreemptive,
  type AnalyticResult,
} from "../../src/analytic/index.ts";
import { expectClose, numbersIn } from "./helpers.ts";

describe("large systems", () => {
  it("computes Erlang B and C for c = 1000 and hundreds of Erlangs without overflow", () => {
    const b = erlangB(1000, 950);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
    const c = erlangC(1000, 980);
    expect(c).toBeGreaterThan(b);
    expect(c).toBeLessThan(1);
    expect(Number.isFinite(mmc(980, 1, 1000).Wq as number)).toBe(true);
    expect(erlangB(100_000, 99_000)).toBeGreaterThan(0);
  });

  it("turns a P(wait) near 1e-90 into a small positive number or 0, never NaN", () => {
    const c = erlangC(1000, 500);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThan(1e-80);
    expect(erlangC(1000, 1e-9)).toBe(0);
    const r = mmc(500, 1, 1000);
    expect(numbersIn(r).some(Number.isNaN)).toBe(false);
    expect(r.wait?.p999).toBe(0);
  });
});

describe("rho near and beyond 1", () => {
  it("stays finite and accurate at rho = 0.999999", () => {
    const rho = 0.999999;
    expectClose(mm1(rho, 1).L, rho / (1 - rho), 1e-9);
    expectClose(mmc(rho * 50, 1, 50).pWait, 1, 1e-4);
    expect(Number.isFinite(mmc(rho * 50, 1, 50).Wq as number)).toBe(true);
    expectClose(md1(rho, 1).Wq, rho / (2 * (1 - rho)), 1e-9);
    expect(Number.isFinite(md1(rho, 1).wait?.p999 as number)).toBe(true);
  });

  it("returns Infinity and unstable: true for rho >= 1, never NaN or a throw", () => {
    const results: AnalyticResult[] = [
      mm1(1, 1),
      mm1(3, 1),
      mmc(20, 1, 20),
      mmc(30, 1, 20),
      md1(1, 1),
      mg1(2, 1, 3),
      mek1(1.5, 1, 3),
      batchMG1(1, { meanSize: 2, scvSize: 0 }, 1, 1),
      kingman(2, 1, 1, 1),
      allenCunneen(10, 1, 1, 1, 5),
      priorityNonPreemptive([{ name: "a", priority: 1, lambda: 2, meanService: 1, serviceScv: 1 }]),
    ];
    for (const r of results) {
      expect(r.unstable).toBe(true);
      expect(r.L).toBe(Infinity);
      expect(r.W).toBe(Infinity);
      expect(r.Wq).toBe(Infinity);
      expect(numbersIn(r).some(Number.isNaN)).toBe(false);
    }
    expect(mm1(2, 1).wait?.p99).toBe(Infinity);
    expect(mm1(2, 1).Lq).toBe(Infinity);
  });

  it("never calls a finite-capacity or abandoning queue unstable", () => {
    expect(mmck(100, 1, 2, 50).unstable).toBeUndefined();
    expect(erlangA(100, 1, 2, 0.5).unstable).toBeUndefined();
  });
});

describe("bad parameters", () => {
  it("throws RangeError naming the parameter and value", () => {
    expect(() => mmc(1, 1, 2.5)).toThrow("invalid servers: 2.5 (must be a positive integer)");
    expect(() => mmc(1, 1, 0)).toThrow("invalid servers: 0");
    expect(() => mm1(-1, 1)).toThrow("invalid lambda: -1 (must be a finite number >= 0)");
    expect(() => mm1(1, Number.NaN)).toThrow("invalid mu: NaN (must be a finite number > 0)");
    expect(() => mm1(Infinity, 1)).toThrow("invalid lambda: Infinity");
    expect(() => erlangB(3, -2)).toThrow("invalid offered load: -2");
    expect(() => mmck(1, 1, 3, 2)).toThrow("invalid capacity: 2 (must be >= servers = 3)");
    expect(() => erlangA(1, 1, 1, 0)).toThrow("invalid theta: 0 (must be a finite number > 0)");
    expect(() => md1(1, 0)).toThrow(RangeError);
  });
});

describe("time scale", () => {
  it("gives the same rho-dependent answers for rates of 1e-9 and 1e7 per second", () => {
    for (const scale of [1e-9, 1e7]) {
      const check = (a: AnalyticResult, b: AnalyticResult): void => {
        for (const key of ["rho", "pWait", "pBlock", "pAbandon", "L", "Lq"] as const) expectClose(a[key], b[key] as number, 1e-9, 1e-12);
        expectClose(a.W, (b.W as number) / scale, 1e-9);
        expectClose(a.wait?.p99, (b.wait?.p99 ?? 0) / scale, 1e-8, 1e-300);
        if (b.sojourn) expectClose(a.sojourn?.p99, b.sojourn.p99 / scale, 1e-8);
      };
      check(mmc(8 * scale, scale, 10), mmc(8, 1, 10));
      check(mm1(0.7 * scale, scale), mm1(0.7, 1));
      check(md1(0.7 * scale, 1 / scale), md1(0.7, 1));
      check(mmck(12 * scale, scale, 10, 25), mmck(12, 1, 10, 25));
      const a = erlangA(10 * scale, scale, 12, 0.5 * scale);
      const b = erlangA(10, 1, 12, 0.5);
      expectClose(a.pAbandon, b.pAbandon as number, 1e-9);
      expectClose(a.Wq, (b.Wq as number) / scale, 1e-9);
    }
  });
});

describe("finite capacity edge cases", () => {
  it("handles K = 1, c = K and K in the millions", () => {
    const one = mm1k(2, 1, 1);
    expectClose(one.pBlock, 2 / 3, 1e-12);
    expect(one.wait?.p99).toBe(0);
    const loss = mmck(40, 1, 50, 50);
    expectClose(loss.pBlock, erlangB(50, 40), 1e-12);
    const huge = mmck(0.5, 1, 1, 5_000_000);
    expectClose(huge.L, 1, 1e-12);
    expectClose(huge.sojourn?.p99, mm1(0.5, 1).sojourn?.p99 as number, 1e-9);
  });
});

describe("no NaN anywhere", () => {
  it("holds over a grid of loads, servers and capacities", () => {
    for (const c of [1, 2, 7, 200]) {
      for (const rho of [0, 1e-12, 0.3, 0.95, 0.999999, 1, 1.5]) {
        const lambda = rho * c;
        const station = { lambda, arrivalScv: 1, meanService: 1, serviceScv: 1, servers: c, capacity: null };
        const outs = [analyzeStation(station), analyzeStation({ ...station, capacity: 3 }), analyzeStation({ ...station, patienceRate: 0.2 }), analyzeStation({ ...station, serviceScv: 0 })];
        for (const r of outs) expect(numbersIn(r).some(Number.isNaN)).toBe(false);
      }
    }
  });
});
