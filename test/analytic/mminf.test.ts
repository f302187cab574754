import { describe, expect, it } from "vitest";
import { ggInf, mmInf } from "../../src/analytic/index.ts";
import { expectClose, expectLittle } from "./helpers.ts";

describe("mmInf", () => {
  it("gives the infinite-server queue's Poisson mean and exponential sojourn", () => {
    // Gross & Harris 4th ed. sec. 2.7 (queues with unlimited service): p_n = e^{-r} r^n / n!,
    // r = lambda / mu, so L = r and W = 1 / mu. lambda 3, mu 0.5 -> L = 6, W = 2, no wait.
    const r = mmInf(3, 0.5);
    expectClose(r.L, 6, 1e-12);
    expectClose(r.W, 2, 1e-12);
    expect(r.Wq).toBe(0);
    expect(r.wait?.p99).toBe(0);
    expect(r.model).toBe("M/M/inf");
    // Sojourn = service ~ Exp(0.5): p50 = 2 ln 2, p99 = 2 ln 100.
    expectClose(r.sojourn?.p50, 2 * Math.log(2), 1e-12);
    expectClose(r.sojourn?.p99, 2 * Math.log(100), 1e-12);
    expectLittle(r);
  });

  it("is insensitive to the service law and never unstable", () => {
    // M/G/inf: the number present is Poisson(lambda E[S]) whatever the law (Kleinrock vol. 1 sec. 3.4).
    const d = ggInf(1e6, 0.002, "deterministic");
    expect(d.model).toBe("M/D/inf");
    expectClose(d.L, 2000, 1e-12);
    expect(d.sojourn?.p999).toBe(0.002);
    expect(d.unstable).toBeUndefined();
    expect(ggInf(5, 1, "general").sojourn).toBeUndefined();
  });
});
