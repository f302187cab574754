import { describe, expect, it } from "vitest";
import { mm1, mmc, priorityMMc, priorityNonPreemptive, priorityPreemptive } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

const twoClasses = [
  { name: "high", priority: 9, lambda: 1, meanService: 1 / 12, serviceScv: 1 },
  { name: "low", priority: 1, lambda: 9, meanService: 1 / 12, serviceScv: 1 },
];

describe("priorityNonPreemptive (Cobham)", () => {
  it("matches the two-class M/M/1 example based on Prabhu (1981) Table 4.4", () => {
    // "M/M/1 Queue with Two Priority Classes" worked example: lambda_H = 1/h, lambda_L = 9/h,
    // mu = 12/h: nu = 0.06944, W_H = 0.15909 h (9.545 min), W_L = 0.5379 h (32.27 min), and the
    // weighted average stays 30 min.
    const r = priorityNonPreemptive(twoClasses);
    expect(r.classes?.high?.W).toBeCloseTo(0.15909, 5);
    expect(r.classes?.low?.W).toBeCloseTo(0.5379, 4);
    expect((r.classes?.high?.W as number) * 60).toBeCloseTo(9.545, 3);
    expect((r.classes?.low?.W as number) * 60).toBeCloseTo(32.27, 2);
    expect((r.W as number) * 60).toBeCloseTo(30, 10);
    expect(r.model).toBe("M/G/1 priority (Cobham)");
  });

  it("obeys Kleinrock's conservation law sum rho_k Wq_k = rho W0 / (1 - rho)", () => {
    const classes = [
      { name: "a", priority: 3, lambda: 0.2, meanService: 1, serviceScv: 0 },
      { name: "b", priority: 2, lambda: 0.1, meanService: 2, serviceScv: 2 },
      { name: "c", priority: 1, lambda: 0.3, meanService: 0.5, serviceScv: 1 },
    ];
    const r = priorityNonPreemptive(classes);
    const rho = 0.2 + 0.2 + 0.15;
    const W0 = classes.reduce((s, k) => s + (k.lambda * k.meanService ** 2 * (1 + k.serviceScv)) / 2, 0);
    const lhs = classes.reduce((s, k) => s + k.lambda * k.meanService * (r.classes?.[k.name]?.Wq as number), 0);
    expectClose(lhs, (rho * W0) / (1 - rho), 1e-12);
  });

  it("keeps higher classes finite when a lower class saturates the server", () => {
    const r = priorityNonPreemptive([
      { name: "high", priority: 2, lambda: 6, meanService: 1 / 12, serviceScv: 1 },
      { name: "low", priority: 1, lambda: 9, meanService: 1 / 12, serviceScv: 1 },
    ]);
    expect(r.unstable).toBe(true);
    expect(r.classes?.low?.W).toBe(Infinity);
    // Always busy: the residual service an arrival meets is E[S^2] / (2 E[S]) = 1/12.
    expectClose(r.classes?.high?.Wq, 1 / 12 / 0.5, 1e-12);
    expectClose(r.throughput, 12, 1e-12);
  });
});

describe("priorityPreemptive", () => {
  it("lets the top class see an M/M/1 queue of its own", () => {
    const r = priorityPreemptive(twoClasses);
    expectClose(r.classes?.high?.W, mm1(1, 12).W as number, 1e-12);
    // Kleinrock vol. 2 ch. 3 (preemptive resume): W_L = E[S]/(1 - s_H) + R/((1 - s_H)(1 - s)), here 0.5454...
    expectClose(r.classes?.low?.W, 1 / 12 / (11 / 12) + 10 / 144 / ((11 / 12) * (1 / 6)), 1e-12);
  });
});

describe("priorityMMc", () => {
  it("reduces to Cobham's formula with one server", () => {
    const r = priorityMMc([{ name: "high", priority: 9, lambda: 1 }, { name: "low", priority: 1, lambda: 9 }], 12, 1);
    const cobham = priorityNonPreemptive(twoClasses);
    expectClose(r.classes?.low?.W, cobham.classes?.low?.W as number, 1e-12);
    expectClose(r.classes?.high?.W, cobham.classes?.high?.W as number, 1e-12);
  });

  it("keeps the overall mean wait of FIFO M/M/c (equal service rates conserve work)", () => {
    const r = priorityMMc([{ name: "a", priority: 5, lambda: 3 }, { name: "b", priority: 4, lambda: 2 }, { name: "c", priority: 1, lambda: 2.5 }], 1, 9);
    expectClose(r.Wq, mmc(7.5, 1, 9).Wq as number, 1e-12);
    expect(r.classes?.a?.Wq).toBeLessThan(r.classes?.c?.Wq as number);
  });
});
