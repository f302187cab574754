import { describe, expect, it } from "vitest";
import { batchMG1, md1, md1DecayExponent, md1WaitQuantile, md1WaitSurvival, mek1, mg1, mm1 } from "../../src/analytic/index.ts";
import { expectClose, expectLittle } from "./helpers.ts";

/**
 * Erlang's M/D/1 formula (Erlang 1909; Wikipedia "M/D/c queue"): P(Wq <= t) =
 * (1 - rho) sum_{k=0}^{floor(t/D)} (lambda (kD - t))^k / k! e^{-lambda (kD - t)}.
 * Well conditioned only for small t / D; used here as the published oracle in that range.
 */
function erlangMd1Cdf(lambda: number, D: number, t: number): number {
  let s = 0;
  for (let k = 0; k <= Math.floor(t / D); k++) {
    const y = lambda * (k * D - t);
    let term = Math.exp(-y);
    for (let i = 1; i <= k; i++) term *= y / i;
    s += term;
  }
  return (1 - lambda * D) * s;
}

describe("mg1 (Pollaczek-Khinchine)", () => {
  it("gives the P-K mean wait rho (1 + cs^2) E[S] / (2 (1 - rho))", () => {
    // P-K mean (Kleinrock vol. 1 ch. 5) with E[S] = 2, cs^2 = 3, rho = 0.5: Wq = 0.5 * 4 * 2 / 1 = 4.
    const r = mg1(0.25, 2, 3);
    expectClose(r.Wq, 4, 1e-12);
    expectClose(r.W, 6, 1e-12);
    expectLittle(r);
    expect(r.wait).toBeUndefined();
  });
});

describe("md1", () => {
  it("has half the M/M/1 queueing delay", () => {
    // Kleinrock vol. 1 ch. 5 (P-K with cs^2 = 0): M/D/1 Wq = rho D / (2 (1 - rho)); rho = 0.9, D = 1 -> 4.5.
    const r = md1(0.9, 1);
    expectClose(r.Wq, 4.5, 1e-12);
    expectClose(r.Lq, 4.05, 1e-12);
    expectLittle(r);
  });

  it("agrees with Erlang's waiting-time formula where that formula is well conditioned", () => {
    for (const [lambda, t] of [[0.5, 0.3], [0.5, 1.7], [0.8, 2.5], [0.9, 3.2], [0.3, 4.9], [0.7, 0]] as const) {
      expectClose(1 - md1WaitSurvival(lambda, 1, t), erlangMd1Cdf(lambda, 1, t), 1e-12);
    }
  });

  it("gives sojourn percentiles = wait percentiles + D and wait percentiles that invert the law", () => {
    const r = md1(0.45, 2);
    expectClose(r.sojourn?.p99, (r.wait?.p99 as number) + 2, 1e-14);
    const q = md1WaitQuantile(0.45, 2, 0.99);
    expectClose(md1WaitSurvival(0.45, 2, q), 0.01, 1e-9);
    expect(r.wait?.p50).toBeGreaterThan(0);
  });

  it("keeps its tail geometric deep into the tail and near rho = 1", () => {
    // The tail decays like e^{-s t / D} with e^s = 1 + s / rho (dominant pole of the P-K transform).
    const a = md1WaitSurvival(0.9, 1, 60);
    const b = md1WaitSurvival(0.9, 1, 61);
    expect(a).toBeGreaterThan(0);
    const s = md1DecayExponent(0.9);
    expectClose(Math.exp(s), 1 + s / 0.9, 1e-14);
    expectClose(b / a, Math.exp(-s), 1e-6);
    const heavy = md1(0.999999, 1);
    expect(Number.isFinite(heavy.wait?.p999 as number)).toBe(true);
    // Heavy traffic: the wait is nearly exponential with mean Wq (Kingman), p99 ~ Wq ln 100.
    expectClose(heavy.wait?.p99, (heavy.Wq as number) * Math.log(100), 1e-3);
  });
});

describe("mek1", () => {
  it("reduces to M/M/1 for k = 1 and tends to M/D/1 for large k", () => {
    expectClose(mek1(0.6, 1, 1).Wq, mm1(0.6, 1).Wq as number, 1e-12);
    // Gross & Harris 4th ed. ch. 3 (M/Ek/1): Wq = rho (1 + 1/k) E[S] / (2 (1 - rho)); k = 4, rho = 0.6 -> 0.9375.
    expectClose(mek1(0.6, 1, 4).Wq, 0.9375, 1e-12);
    expect(mek1(0.6, 1, 4).model).toBe("M/E4/1");
  });
});

describe("batchMG1", () => {
  it("matches Gross & Harris' M^X/M/1 mean L = rho (E[X^2] + E[X]) / (2 E[X] (1 - rho))", () => {
    // Ross, "Introduction to Probability Models", batch exercise: carloads at 4/h of 1, 2 or 3 people
    // (prob. 1/4, 1/2, 1/4), exponential service at 20/h: E[X] = 2, E[X^2] = 4.5, rho = 0.4.
    const ex = 2;
    const ex2 = 4.5;
    const r = batchMG1(8, { meanSize: ex, scvSize: ex2 / (ex * ex) - 1 }, 1 / 20, 1);
    expectClose(r.L, (0.4 * (ex2 + ex)) / (2 * ex * 0.6), 1e-12);
    expect(r.model).toBe("M^X/M/1");
    expectLittle(r);
  });

  it("reduces to M/G/1 for batches of one", () => {
    const r = batchMG1(0.5, { meanSize: 1, scvSize: 0 }, 1, 0.3);
    const g = mg1(0.5, 1, 0.3);
    expectClose(r.Wq, g.Wq as number, 1e-12);
    expectClose(r.pWait, 0.5, 1e-12);
  });
});
