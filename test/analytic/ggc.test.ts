import { describe, expect, it } from "vitest";
import { allenCunneen, kingman, mmc } from "../../src/analytic/index.ts";
import { expectClose, expectLittle } from "./helpers.ts";

describe("kingman", () => {
  it("gives E[S] rho / (1 - rho) (ca^2 + cs^2) / 2", () => {
    // Kingman (1961): ca^2 = cs^2 = 0.5, E[S] = 1, rho = 0.8 -> Wq = 4 * 0.5 = 2.
    const r = kingman(0.8, 0.5, 1, 0.5);
    expectClose(r.Wq, 2, 1e-12);
    expect(r.exact).toBe(false);
    expect(r.model).toBe("G/G/1 (Kingman)");
    expectLittle(r);
  });

  it("says a perfectly regular queue never waits", () => {
    const r = kingman(0.9, 0, 1, 0);
    expect(r.Wq).toBe(0);
    expect(r.wait?.p99).toBe(0);
  });
});

describe("allenCunneen", () => {
  it("scales the exact M/M/c wait by (ca^2 + cs^2) / 2 and keeps the exact Erlang C", () => {
    const m = mmc(8, 1, 10);
    const r = allenCunneen(8, 2, 1, 0.5, 10);
    expectClose(r.Wq, (m.Wq as number) * 1.25, 1e-12);
    expectClose(r.pWait, m.pWait as number, 1e-12);
    expect(r.model).toBe("G/G/10 (Allen-Cunneen)");
    expect(r.sojourn).toBeUndefined();
  });

  it("gives wait percentiles of an exponential conditional wait with the approximate mean", () => {
    const r = allenCunneen(8, 2, 1, 0.5, 10);
    const pw = r.pWait as number;
    const rate = pw / (r.Wq as number);
    expectClose(pw * Math.exp(-rate * (r.wait?.p99 as number)), 0.01, 1e-12);
  });
});
