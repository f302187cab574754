import { describe, expect, it } from "vitest";
import { erlangA, mmc } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

/** Truncated birth-death chain of M/M/c+M, summed directly: an independent oracle. */
function bruteForce(lambda: number, mu: number, c: number, theta: number, states = 4000) {
  const w = [1];
  for (let n = 1; n < states; n++) w.push(((w[n - 1] as number) * lambda) / (Math.min(n, c) * mu + Math.max(0, n - c) * theta));
  const z = w.reduce((s, v) => s + v, 0);
  const p = w.map((v) => v / z);
  let Lq = 0;
  let pWaitArrival = 0;
  let servedAfterWait = 0;
  let waitServed = 0;
  for (let n = c; n < states; n++) {
    const m = n - c;
    const pn = p[n] as number;
    Lq += m * pn;
    pWaitArrival += pn;
    const pServe = (c * mu) / (c * mu + (m + 1) * theta);
    servedAfterWait += pn * pServe;
    let h = 0;
    for (let i = 1; i <= m + 1; i++) h += 1 / (c * mu + i * theta);
    waitServed += pn * pServe * h; // E[V e^{-theta V}] for V = sum_{i=0}^{m} Exp(c mu + i theta)
  }
  const pAbandon = (theta * Lq) / lambda;
  return { Lq, pWaitArrival, pAbandon, pWait: servedAfterWait / (1 - pAbandon), Wq: waitServed / (1 - pAbandon) };
}

describe("erlangA", () => {
  it("agrees with the birth-death chain summed directly", () => {
    for (const [lambda, mu, c, theta] of [[10, 1, 12, 0.5], [9, 1, 8, 2], [3, 0.5, 4, 0.05], [1, 1, 1, 1]] as const) {
      const r = erlangA(lambda, mu, c, theta);
      const b = bruteForce(lambda, mu, c, theta);
      expectClose(r.Lq, b.Lq, 1e-10);
      expectClose(r.pWaitOnArrival, b.pWaitArrival, 1e-10);
      expectClose(r.pAbandon, b.pAbandon, 1e-10);
      expectClose(r.pWait, b.pWait, 1e-10);
      expectClose(r.Wq, b.Wq, 1e-9);
    }
  });

  it("is the infinite-server queue in disguise when theta = mu", () => {
    // Every message leaves at rate mu whether served or waiting, so N ~ Poisson(a) (Palm 1943).
    const [lambda, mu, c] = [6, 1, 4];
    let term = Math.exp(-6);
    let tail = 0;
    let excess = 0;
    for (let n = 0; n < 200; n++) {
      if (n >= c) {
        tail += term;
        excess += (n - c) * term;
      }
      term *= 6 / (n + 1);
    }
    const r = erlangA(lambda, mu, c, mu);
    expectClose(r.pWaitOnArrival, tail, 1e-12);
    expectClose(r.Lq, excess, 1e-12);
    expectClose(r.L, lambda / mu, 1e-12);
  });

  it("tends to Erlang C as the patience grows", () => {
    const a = erlangA(10, 1, 12, 1e-7);
    const c = mmc(10, 1, 12);
    expectClose(a.pWait, c.pWait as number, 1e-5);
    expectClose(a.Wq, c.Wq as number, 1e-5);
    expect(a.pAbandon).toBeLessThan(1e-6);
  });

  it("sheds the overload by abandonment and stays stable", () => {
    // Fluid limit (Whitt 2004): an overloaded Erlang A serves c mu and loses 1 - c mu / lambda.
    const r = erlangA(100, 1, 80, 0.1);
    expect(r.unstable).toBeUndefined();
    expectClose(r.pAbandon, 0.2, 1e-3);
    expectClose(r.throughput, 80, 1e-3);
    expectClose(r.L, (r.Lq as number) + (r.throughput as number), 1e-12);
    expectClose(r.WqAll, (r.Lq as number) / 100, 1e-12);
  });
});
