import { describe, expect, it } from "vitest";
import { estimateLive } from "../../src/live/estimate/estimateLive.ts";
import { brokerSource } from "../../src/live/sources/brokerSource.ts";
import type { LiveSample } from "../../src/live/types.ts";
import { MmcBroker } from "./support/mmcBroker.ts";

// M/M/2, lambda 40/s, mu 1/0.03 s: a = 1.2, rho = 0.6, P0 = 1/(1 + a + a^2/(2(1 - rho))) = 0.25,
// Erlang C = 0.45, Lq = C rho/(1 - rho) = 0.675, L = Lq + a = 1.875 (Gross & Harris,
// Fundamentals of Queueing Theory, sec. 2.3, M/M/c).
const theory = { lambda: 40, mu: 1 / 0.03, rho: 0.6, Lq: 0.675, L: 1.875, Wq: 0.675 / 40, W: 1.875 / 40 };

async function watch(mmc: MmcBroker, spanS: number, stepS: number, exactAreas: boolean): Promise<LiveSample[]> {
  const source = brokerSource({ queue: mmc.queue, nowS: () => mmc.now, exactAreas });
  const samples: LiveSample[] = [];
  for (let t = 0; t <= spanS; t += stepS) {
    mmc.runUntil(t);
    samples.push(await source.sample());
  }
  return samples;
}

describe("the in-browser broker as a live source", () => {
  it("reports counts, exact gauges, consumers and prefetch of a BrokerQueue", async () => {
    const mmc = new MmcBroker(40, 1 / 0.03, 2, 1, 7);
    mmc.runUntil(10);
    const s = await brokerSource({ queue: mmc.queue, nowS: () => mmc.now }).sample();
    expect(s.t).toBe(10_000);
    expect(s.gauges).toEqual({ ready: mmc.queue.readyCount, unacked: mmc.queue.unacked, consumers: 2, prefetch: 1 });
    expect(s.counters.published).toBe(mmc.queue.counts.published);
    expect(s.counters.published! - s.counters.acked!).toBe(mmc.queue.readyCount + mmc.queue.unacked);
  });

  it.each([false, true])("recovers M/M/2 theory within 3 standard errors (exact areas: %s)", async (exactAreas) => {
    const mmc = new MmcBroker(theory.lambda, theory.mu, 2, 1, 11);
    mmc.runUntil(100); // warm-up: the empty start is forgotten in well under a second
    const samples = await watch(mmc, 3700, 2, exactAreas);
    const e = estimateLive(samples.filter((s) => s.t >= 100_000));
    // Each check: |estimate - theory| < 3 se, a 99.7% interval when the se is right.
    for (const k of ["lambda", "mu", "rho", "Lq", "L", "Wq", "W"] as const) {
      const f = e[k];
      expect(f.value, k).not.toBeNull();
      expect(f.se, k).toBeGreaterThan(0);
      expect(Math.abs(f.value! - theory[k]), `${k}: ${f.value} ± ${f.se} vs ${theory[k]}`).toBeLessThan(3 * f.se!);
    }
    expect(e.Lq.method).toMatch(exactAreas ? /exact time-integral/ : /distinct readings/);
    // Consumer utilisation (exact areas only): 1 - Erlang C = 1 - 0.45 = 0.55, a consumer free.
    if (exactAreas) {
      const u = e.consumerUtilisation;
      expect(Math.abs(u.value! - 0.55), `consumer utilisation ${u.value} ± ${u.se}`).toBeLessThan(3 * u.se!);
    } else expect(e.consumerUtilisation.value).toBeNull();
  });

  it("derives mu from the throughput when prefetch 10 consumers are saturated", async () => {
    // lambda 80 > c mu = 66.7: the backlog grows, every consumer is always busy.
    const mmc = new MmcBroker(80, theory.mu, 2, 10, 3);
    const samples = await watch(mmc, 600, 2, false);
    const e = estimateLive(samples.filter((s) => s.t >= 20_000)); // once the backlog has formed
    expect(e.mu.method).toMatch(/saturated/);
    expect(Math.abs(e.mu.value! - theory.mu)).toBeLessThan(3 * e.mu.se!);
    expect(e.notes.join(" ")).toMatch(/backlog grows/);
  });
});

describe("the live intervals at high load", () => {
  it("cover M/M/1 at rho 0.9 about as often as they say, over 2-minute windows", async () => {
    // At rho 0.9 (mu 1/0.03 s) the queue's relaxation time, 1/(mu (1 - sqrt(rho))^2) ~ 11 s, is
    // longer than a batch of a 2-minute window, so plain batch means were too narrow: 82% of
    // nominal 95% intervals covered L over 200 such windows (seeds 1-200). With the AR(1) floor
    // on the standard error it is 89%. Here 100 windows (seeds 1-100, 84 covered before the
    // correction, 89 after) are held to 85: above the uncorrected estimator, and still 95% is
    // out of reach in 11 relaxation times (the window mean of L is skewed at this load).
    const rho = 0.9, mu = 1 / 0.03, L = rho / (1 - rho);
    let covered = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const mmc = new MmcBroker(rho * mu, mu, 1, 1, seed);
      mmc.runUntil(60); // 5 relaxation times from empty
      const source = brokerSource({ queue: mmc.queue, nowS: () => mmc.now, exactAreas: true });
      const samples: LiveSample[] = [];
      for (let t = 60; t <= 180; t += 2) {
        mmc.runUntil(t);
        samples.push(await source.sample());
      }
      const e = estimateLive(samples).L;
      if (e.ci95 !== null && Math.abs(e.value! - L) <= e.ci95) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(85);
  }, 60_000);
});
