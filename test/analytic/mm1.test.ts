import { describe, expect, it } from "vitest";
import { mm1, mm1SojournSurvival, mm1WaitQuantile, mm1WaitSurvival } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("mm1", () => {
  it("reproduces the R queueing package's documented M/M/1 report", () => {
    // R queueing, Report(QueueingModel(NewInput.MM1(lambda=1/4, mu=1/3, n=0))) as printed on rdrr.io:
    // traffic intensity 0.75, L 3, Lq 2.25, W 12, Wq 9, throughput 0.25,
    // "mean time spend in the queue when there is queue" 12 (= Wq / P(wait)).
    const r = mm1(1 / 4, 1 / 3);
    expectClose(r.rho, 0.75, 1e-12);
    expectClose(r.L, 3, 1e-12);
    expectClose(r.Lq, 2.25, 1e-12);
    expectClose(r.W, 12, 1e-12);
    expectClose(r.Wq, 9, 1e-12);
    expectClose(r.throughput, 0.25, 1e-12);
    expectClose((r.Wq as number) / (r.pWait as number), 12, 1e-12);
  });

  it("matches an R queueing session for lambda 1, mu 1/0.9", () => {
    // RPubs 310234 (R queueing, NewInput.MMC(lambda=1, mu=1/.9, c=1)): L 9, W 9, Wq 8.1, Lq 8.1, P0 0.1.
    const r = mm1(1, 1 / 0.9);
    expectClose(r.L, 9, 1e-12);
    expectClose(r.W, 9, 1e-12);
    expectClose(r.Wq, 8.1, 1e-12);
    expectClose(r.Lq, 8.1, 1e-12);
    expectClose(1 - (r.utilization as number), 0.1, 1e-12);
  });

  it("matches Bronson's M/M/1 problems (Schaum's Operations Research, 1982)", () => {
    // Bronson 1982, problem 23.3: lambda 24/h, mu 30/h -> L = 4, W = 1/6 h, p0 = 0.2.
    const a = mm1(24, 30);
    expectClose(a.L, 4, 1e-12);
    expectClose(a.W, 1 / 6, 1e-12);
    expectClose(1 - (a.rho as number), 0.2, 1e-12);
    // Problem 23.14: lambda 30/h, mean service 1.5 min -> Lq = 2.25, Wq = 4.5 min.
    const b = mm1(30 / 60, 1 / 1.5);
    expectClose(b.Lq, 2.25, 1e-12);
    expectClose(b.Wq, 4.5, 1e-12);
    // Problem 23.16: lambda 1/min, mean service 45 s -> Lq = 2.25, Wq = 2.25 min, W = 3 min.
    const c = mm1(1 / 60, 1 / 45);
    expectClose(c.Lq, 2.25, 1e-12);
    expectClose((c.Wq as number) / 60, 2.25, 1e-12);
    expectClose((c.W as number) / 60, 3, 1e-12);
  });

  it("gives an exponential sojourn and an atom of 1 - rho for the wait", () => {
    expect(mm1WaitSurvival(1, 2, 0)).toBe(0.5);
    expectClose(mm1SojournSurvival(1, 2, 3), Math.exp(-3), 1e-14);
    expect(mm1WaitQuantile(1, 2, 0.5)).toBe(0);
    expectClose(mm1WaitQuantile(1, 2, 0.99), Math.log(50), 1e-14);
  });
});
