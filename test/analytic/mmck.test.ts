import { describe, expect, it } from "vitest";
import { erlangB, mm1k, mmc, mmcc, mmck, mmckSojournSurvival, mmckWaitSurvival } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("mmck", () => {
  it("matches WinQSB's M/M/2/7 performance summary", () => {
    // WinQSB "System Performance Summary" (slideshare 28144510): M/M/2/7, lambda 50/h, mu 37/h:
    // effective arrival rate 48.6876, utilization 65.7940%, L 2.0711, Lq 0.7552, W 0.0425 h,
    // Wq 0.0155 h, P(arrival waits) 52.0013%, 1.3124 customers balked per hour.
    const r = mmck(50, 37, 2, 7);
    expect(r.throughput).toBeCloseTo(48.6876, 4);
    expect(r.utilization).toBeCloseTo(0.65794, 5);
    expect(r.L).toBeCloseTo(2.0711, 4);
    expect(r.Lq).toBeCloseTo(0.7552, 4);
    expect(r.W).toBeCloseTo(0.0425, 4);
    expect(r.Wq).toBeCloseTo(0.0155, 4);
    // WinQSB's Pw counts every arrival that finds both busy, refused ones included.
    const pw = (r.pWait as number) * (1 - (r.pBlock as number)) + (r.pBlock as number);
    expect(pw).toBeCloseTo(0.520013, 6);
    expect(50 * (r.pBlock as number)).toBeCloseTo(1.3124, 4);
  });

  it("matches the worked blocking probabilities of M/M/2/3 and M/M/1/3", () => {
    // Quesba worked solution "a service center consists of two servers": lambda 4, mu 3, c 2, N 3
    // -> p3 = 0.15534; part (b) one server with rho = 2/3 -> p3 = 0.12307.
    expect(mmck(4, 3, 2, 3).pBlock).toBeCloseTo(0.15534, 5);
    expect(mm1k(2, 3, 3).pBlock).toBeCloseTo(0.12307, 4);
  });

  it("is Erlang's loss system when K = c", () => {
    const r = mmcc(3, 0.25, 15);
    expectClose(r.pBlock, erlangB(15, 12), 1e-12);
    expect(r.Wq).toBe(0);
    expect(r.wait?.p99).toBe(0);
    expectClose(r.W, 4, 1e-12);
  });

  it("gives K = 1 the loss probability rho / (1 + rho)", () => {
    const r = mm1k(3, 2, 1);
    expectClose(r.pBlock, 1.5 / 2.5, 1e-12);
    expectClose(r.sojourn?.p50, Math.log(2) / 2, 1e-9);
  });

  it("matches M/M/c when K is very large", () => {
    const big = mmck(8, 1, 10, 10 + 1_000_000);
    const inf = mmc(8, 1, 10);
    for (const key of ["L", "Lq", "W", "Wq", "pWait"] as const) expectClose(big[key], inf[key] as number, 1e-9);
    for (const p of ["p50", "p90", "p99", "p999"] as const) {
      expectClose(big.wait?.[p], inf.wait?.[p] as number, 1e-9, 1e-9);
      expectClose(big.sojourn?.[p], inf.sojourn?.[p] as number, 1e-9);
    }
  });

  it("stays finite and sheds the excess when rho > 1", () => {
    const r = mmck(30, 1, 10, 10 + 200_000);
    expect(r.unstable).toBeUndefined();
    expectClose(r.throughput, 10, 1e-9);
    expectClose(r.pBlock, 2 / 3, 1e-9);
    expect(Number.isFinite(r.W as number)).toBe(true);
    expect(r.wait?.p99).toBeGreaterThan(r.wait?.p50 as number);
  });

  it("has a waiting-time law for admitted messages that matches a direct mixture of Erlangs", () => {
    // Direct sum: an admitted arrival finding c + m waits Erlang(m + 1, c mu).
    const [lambda, mu, c, K, t] = [5, 1, 3, 9, 0.8];
    const a = lambda / mu;
    const w: number[] = [];
    for (let n = 0; n <= K; n++) w.push(n <= c ? a ** n / fact(n) : (a ** c / fact(c)) * (a / c) ** (n - c));
    const admitted = w.slice(0, K).reduce((s, v) => s + v, 0);
    let wait = 0;
    let sojourn = 0;
    for (let n = 0; n < K; n++) {
      const pn = (w[n] as number) / admitted;
      if (n >= c) wait += pn * erlangTail(n - c + 1, c * mu, t);
      sojourn += pn * hypoTail(n >= c ? n - c + 1 : 0, c * mu, mu, t);
    }
    expectClose(mmckWaitSurvival(lambda, mu, c, K, t), wait, 1e-10);
    expectClose(mmckSojournSurvival(lambda, mu, c, K, t), sojourn, 1e-7);
  });
});

function fact(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

function erlangTail(k: number, rate: number, t: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) s += (Math.exp(-rate * t) * (rate * t) ** j) / fact(j);
  return s;
}

/** P(Erlang(k, rate) + Exp(mu) > t) by numerical convolution (midpoint rule). */
function hypoTail(k: number, rate: number, mu: number, t: number): number {
  if (k === 0) return Math.exp(-mu * t);
  const steps = 20000;
  const h = t / steps;
  let s = 0;
  for (let i = 0; i < steps; i++) {
    const x = (i + 0.5) * h;
    s += ((rate ** k * x ** (k - 1) * Math.exp(-rate * x)) / fact(k - 1)) * Math.exp(-mu * (t - x)) * h;
  }
  return erlangTail(k, rate, t) + s;
}
