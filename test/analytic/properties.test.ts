import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allenCunneen,
  erlangA,
  erlangB,
  erlangC,
  kingman,
  md1,
  md1WaitSurvival,
  mg1,
  mm1,
  mmc,
  mmck,
  mmckSojournSurvival,
  mmckWaitSurvival,
  mmcSojournSurvival,
  mmcWaitSurvival,
  mva,
  priorityNonPreemptive,
} from "../../src/analytic/index.ts";
import { expectClose, expectLittle } from "./helpers.ts";

const rho = fc.double({ min: 0.01, max: 0.98, noNaN: true });
const servers = fc.integer({ min: 1, max: 60 });
const mu = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const scv = fc.double({ min: 0, max: 4, noNaN: true });

describe("identities (property tests)", () => {
  it("M/M/c with c = 1 is M/M/1", () => {
    fc.assert(
      fc.property(rho, mu, (r, m) => {
        const a = mmc(r * m, m, 1);
        const b = mm1(r * m, m);
        for (const key of ["L", "Lq", "W", "Wq", "pWait"] as const) expectClose(a[key], b[key] as number, 1e-10);
        for (const p of ["p50", "p99", "p999"] as const) {
          expectClose(a.wait?.[p], b.wait?.[p] as number, 1e-10, 1e-300);
          expectClose(a.sojourn?.[p], b.sojourn?.[p] as number, 1e-9);
        }
      }),
    );
  });

  it("M/M/c/K tends to M/M/c as K grows", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.9, noNaN: true }), servers, (r, c) => {
        const a = mmck(r * c, 1, c, c + 2000);
        const b = mmc(r * c, 1, c);
        for (const key of ["L", "Lq", "W", "Wq", "pWait"] as const) expectClose(a[key], b[key] as number, 1e-9, 1e-300);
        expect(a.pBlock).toBeLessThan(1e-60);
      }),
      { numRuns: 40 },
    );
  });

  it("Little's law L = throughput W holds for every station model", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 3, noNaN: true }), servers, fc.integer({ min: 0, max: 30 }), scv, scv, (r, c, room, ca, cs) => {
        const lambda = r * c;
        expectLittle(mmc(Math.min(lambda, 0.99 * c), 1, c));
        expectLittle(mmck(lambda, 1, c, c + room));
        expectLittle(allenCunneen(Math.min(lambda, 0.99 * c), ca, 1, cs, c));
        expectLittle(mg1(Math.min(r, 0.99), 1, cs));
        expectLittle(md1(Math.min(r, 0.99), 1));
        const a = erlangA(lambda, 1, c, 0.3);
        // Erlang A: Lq counts abandoning messages too, so Lq = lambda WqAll; L = Lq + busy servers.
        expectClose(a.Lq, lambda * a.WqAll, 1e-9, 1e-12);
        expectClose(a.L, (a.Lq as number) + (a.throughput as number), 1e-9, 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it("Erlang C is Erlang B / (1 - rho (1 - B))", () => {
    fc.assert(
      fc.property(rho, fc.integer({ min: 1, max: 2000 }), (r, c) => {
        const a = r * c;
        const b = erlangB(c, a);
        expectClose(erlangC(c, a), b / (1 - r * (1 - b)), 1e-10, 1e-300);
      }),
    );
  });

  it("MVA with one station and a think time is the machine-repairman model M/M/1//N", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (N, D, Z) => {
        // Closed form (Gross & Harris 4th ed. ch. 2, finite source; Kleinrock vol. 1 §3.8): p0 = 1 / sum_k N!/(N-k)! (D/Z)^k, X = (1 - p0) / D.
        let term = 1;
        let sum = 1;
        for (let k = 1; k <= N; k++) {
          term *= ((N - k + 1) * D) / Z;
          sum += term;
        }
        const X = (1 - 1 / sum) / D;
        const r = mva({ stations: [{ demand: D }], population: N, thinkTime: Z });
        expectClose(r.throughput, X, 1e-9);
        expectClose(r.responseTime, N / X - Z, 1e-8, 1e-9);
      }),
    );
  });

  it("Allen-Cunneen with SCVs 1, 1 is M/M/c and Kingman with 1, 1 is M/M/1", () => {
    fc.assert(
      fc.property(rho, servers, mu, (r, c, m) => {
        const a = allenCunneen(r * c * m, 1, 1 / m, 1, c);
        const b = mmc(r * c * m, m, c);
        for (const key of ["L", "Lq", "W", "Wq", "pWait"] as const) expectClose(a[key], b[key] as number, 1e-10, 1e-300);
        expectClose(a.wait?.p99, b.wait?.p99 as number, 1e-9, 1e-300);
        const k = kingman(r * m, 1, 1 / m, 1);
        expectClose(k.Wq, mm1(r * m, m).Wq as number, 1e-10);
      }),
    );
  });

  it("Pollaczek-Khinchine with SCV 1 is M/M/1", () => {
    fc.assert(
      fc.property(rho, mu, (r, m) => {
        const a = mg1(r * m, 1 / m, 1);
        const b = mm1(r * m, m);
        for (const key of ["L", "Lq", "W", "Wq"] as const) expectClose(a[key], b[key] as number, 1e-10);
      }),
    );
  });

  it("percentiles invert the distribution functions", () => {
    fc.assert(
      fc.property(rho, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 40 }), (r, c, room) => {
        const lambda = r * c;
        const check = (q: number | undefined, survival: (t: number) => number, level: number): void => {
          const t = q as number;
          if (t === 0) expect(survival(0)).toBeLessThanOrEqual(1 - level + 1e-12);
          else expectClose(survival(t), 1 - level, 1e-6);
        };
        const m = mmc(lambda, 1, c);
        check(m.wait?.p90, (t) => mmcWaitSurvival(lambda, 1, c, t), 0.9);
        check(m.sojourn?.p99, (t) => mmcSojournSurvival(lambda, 1, c, t), 0.99);
        const k = mmck(lambda * 1.5, 1, c, c + room);
        check(k.wait?.p99, (t) => mmckWaitSurvival(lambda * 1.5, 1, c, c + room, t), 0.99);
        check(k.sojourn?.p95, (t) => mmckSojournSurvival(lambda * 1.5, 1, c, c + room, t), 0.95);
        const d = md1(r, 1);
        check(d.wait?.p99, (t) => md1WaitSurvival(r, 1, t), 0.99);
      }),
      { numRuns: 40 },
    );
  });

  it("one priority class is FIFO M/G/1", () => {
    fc.assert(
      fc.property(rho, scv, (r, cs) => {
        const p = priorityNonPreemptive([{ name: "only", priority: 0, lambda: r, meanService: 1, serviceScv: cs }]);
        expectClose(p.classes?.only?.Wq, mg1(r, 1, cs).Wq as number, 1e-12);
      }),
    );
  });
});
