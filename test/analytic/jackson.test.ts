import { describe, expect, it } from "vitest";
import { jackson, mm1, mmc, solveLinearSystem, trafficRates } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("jackson", () => {
  it("solves Durrett's government-agency network (Essentials of Stochastic Processes, Example 4.29)", () => {
    // Arrivals 3.8/h at server 1; 1 -> 2 w.p. 0.7; 2 -> 3 w.p. 0.5, 2 -> 1 w.p. 0.2; 3 -> 2 w.p. 0.2;
    // mu = (9, 7, 7). Durrett: r = (9/2, 7/2, 7/4), so rho = (1/2, 1/2, 1/4).
    const r = jackson({
      nodes: [{ meanService: 1 / 9, servers: 1 }, { meanService: 1 / 7, servers: 1 }, { meanService: 1 / 7, servers: 1 }],
      arrivals: [3.8, 0, 0],
      routing: [[0, 0.7, 0], [0.2, 0, 0.5], [0, 0.2, 0]],
    });
    expectClose(r.lambda[0], 4.5, 1e-12);
    expectClose(r.lambda[1], 3.5, 1e-12);
    expectClose(r.lambda[2], 1.75, 1e-12);
    expectClose(r.nodes[0]?.rho, 0.5, 1e-12);
    expectClose(r.nodes[1]?.rho, 0.5, 1e-12);
    expectClose(r.nodes[2]?.rho, 0.25, 1e-12);
    // Product form: L = 1 + 1 + 1/3; by Little, W = L / 3.8 over all external arrivals.
    expectClose(r.L, 7 / 3, 1e-12);
    expectClose(r.W, 7 / 3 / 3.8, 1e-12);
    expectClose(r.sojournByEntry[0], r.W, 1e-12);
    expectClose(r.visits[0], 4.5 / 3.8, 1e-12);
    expect(r.unstable).toBe(false);
  });

  it("adds the node sojourns along a tandem line", () => {
    const r = jackson({
      nodes: [{ meanService: 0.5, servers: 1 }, { meanService: 0.1, servers: 3 }],
      arrivals: [1.5, 0],
      routing: [[0, 1], [0, 0]],
    });
    expectClose(r.sojournByEntry[0], (mm1(1.5, 2).W as number) + (mmc(1.5, 10, 3).W as number), 1e-12);
    expectClose(r.sojournByEntry[1], mmc(1.5, 10, 3).W as number, 1e-12);
  });

  it("multiplies the load by 1 / (1 - p) under feedback", () => {
    const r = jackson({ nodes: [{ meanService: 0.1, servers: 1 }], arrivals: [2], routing: [[0.6]] });
    expectClose(r.lambda[0], 5, 1e-12);
    expectClose(r.visits[0], 2.5, 1e-12);
  });

  it("reports unstable nodes and trapped flow as Infinity instead of failing", () => {
    const r = jackson({
      nodes: [{ meanService: 0.5, servers: 1 }, { meanService: 1, servers: 1 }, { meanService: 1, servers: "unlimited" }],
      arrivals: [1, 0, 0],
      routing: [[0, 0.5, 0], [0, 0, 1], [0, 1, 0]],
    });
    expect(r.lambda[1]).toBe(Infinity);
    expect(r.unstableNodes).toEqual([1, 2]);
    expect(r.sojournByEntry[0]).toBe(Infinity);
    expect(r.W).toBe(Infinity);
    expect(r.unstable).toBe(true);
    const overloaded = jackson({ nodes: [{ meanService: 1, servers: 1 }], arrivals: [2], routing: [[0]] });
    expect(overloaded.unstableNodes).toEqual([0]);
    expect(overloaded.nodes[0]?.W).toBe(Infinity);
  });

  it("rejects routing rows that sum above 1 and shapes that do not match", () => {
    const nodes = [{ meanService: 1, servers: 1 }, { meanService: 1, servers: 1 }];
    expect(() => jackson({ nodes, arrivals: [1, 0], routing: [[0, 0.7], [0.5, 0.6]] })).toThrow(/invalid routing\[1\]: probabilities sum to 1.1/);
    expect(() => jackson({ nodes, arrivals: [1], routing: [[0, 0], [0, 0]] })).toThrow(RangeError);
    expect(() => jackson({ nodes, arrivals: [1, 0], routing: [[0, -0.1], [0, 0]] })).toThrow(/invalid routing\[0\]\[1\]: -0.1/);
  });
});

describe("solveLinearSystem", () => {
  it("pivots past a zero on the diagonal", () => {
    // y + 2z = 8, x + 3z = 11, 4x - 3y + 8z = 26 has the solution (2, 2, 3).
    const x = solveLinearSystem([[0, 1, 2], [1, 0, 3], [4, -3, 8]], [8, 11, 26]);
    x.forEach((v, i) => expectClose(v, [2, 2, 3][i] as number, 1e-12));
  });

  it("reports a singular system as a RangeError", () => {
    expect(() => solveLinearSystem([[1, 2], [2, 4]], [1, 2])).toThrow(RangeError);
  });

  it("solves the traffic equations of a closed loop fed from outside", () => {
    expect(trafficRates([1, 0], [[0, 0.5], [0.5, 0]])).toEqual([4 / 3, 2 / 3]);
  });
});
