import { describe, expect, it } from "vitest";
import { erlangB, erlangC, maxOfferedLoad, trunksForBlocking } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("erlangB", () => {
  it("matches published Erlang B table entries", () => {
    // Erlang B table, 1% column, as printed in every traffic table: 10 trunks carry 4.46 E at
    // B = 1%, 20 trunks 12.03 E, 50 trunks 37.90 E, 100 trunks 84.06 E; these are B(c, a) = 0.01.
    expect(erlangB(10, 4.46)).toBeCloseTo(0.01, 4);
    expect(erlangB(20, 12.03)).toBeCloseTo(0.01, 4);
    expect(erlangB(50, 37.9)).toBeCloseTo(0.01, 4);
    expect(erlangB(100, 84.06)).toBeCloseTo(0.01, 4);
    // Erlang B table checkpoints: B(10, 5 E) = 1.84%, B(5, 2 E) = 3.67%, B(14, 10 E) = 5.68%.
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangB(14, 10)).toBeCloseTo(0.0568, 4);
  });

  it("gives the carried load per trunk count of the Erlang B table in Carrier Grade Voice over IP", () => {
    // GlobalSpec, "Carrier Grade Voice over IP" 2nd ed., Appendix A "Table of Erlang B" (1 decimal):
    // 5 channels at 1%: 1.4 E; 9 at 1%: 3.8 E; 8 at 2%: 3.6 E; 7 at 5%: 3.7 E; 10 at 0.1%: 3.1 E.
    expect(maxOfferedLoad(5, 0.01)).toBeCloseTo(1.4, 1);
    expect(maxOfferedLoad(9, 0.01)).toBeCloseTo(3.8, 1);
    expect(maxOfferedLoad(8, 0.02)).toBeCloseTo(3.6, 1);
    expect(maxOfferedLoad(7, 0.05)).toBeCloseTo(3.7, 1);
    expect(maxOfferedLoad(10, 0.001)).toBeCloseTo(3.1, 1);
  });

  it("answers the erlang.com calculator manual's worked examples", () => {
    // erlang.com calculator manual, "How much traffic can a trunk group handle": 15 lines at 1% -> 8.108 E.
    expect(maxOfferedLoad(15, 0.01)).toBeCloseTo(8.108, 3);
    // erlang.com forum "Trunk Engineering": 1200 calls/h of 3 min = 33.333 E at 1% -> 45 lines.
    expect(trunksForBlocking(1200 / 36, 0.01).servers).toBe(45);
    // erlang.com calculator manual, call minutes: 50000 min/day, 19% in the busy hour = 158.333 E at 3% -> 168 lines.
    expect(trunksForBlocking((50000 * 0.19) / 60, 0.03).servers).toBe(168);
  });

  it("is 1/2 for one trunk offered one Erlang and 0 for no traffic", () => {
    // B(1, a) = a / (1 + a) (Erlang's loss formula with c = 1).
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(3, 0)).toBe(0);
  });
});

describe("erlangC", () => {
  it("matches the R queueing package's M/M/c example (lambda 5, mu 10, c 2)", () => {
    // R queueing, NewInput.MMC(lambda=5, mu=10, c=2) ([Sixto2004] ex. 10.9): a = 0.5, P0 = 0.6,
    // so C = a^2/(2(1-rho)) P0 = 0.1.
    expectClose(erlangC(2, 0.5), 0.1, 1e-12);
  });

  it("matches the 360 calls per half hour call-centre example", () => {
    // Erlang-C worked example (360 calls per half hour, 240 s handling, 55 agents: 48 E), secondary
    // source: public Erlang-C calculator tests give P(wait) = 23.87%.
    expect(erlangC(55, 48)).toBeCloseTo(0.2387, 4);
  });

  it("is 1 when the offered load reaches the number of servers", () => {
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 9)).toBe(1);
  });
});
