import { describe, expect, it } from "vitest";
import type { QueueResult } from "../../src/simulation/index.ts";
import { headlineRows } from "../../src/ui/model/headline.ts";
import { mmcWaitCdf, readAnalytic } from "../../src/ui/model/analyticView.ts";

const e = (mean: number, ci95 = 0) => ({ mean, ci95 });
const p = (x: number) => ({ p50: x, p90: x, p95: x, p99: x, p999: x });
const simulated: QueueResult["simulated"] = {
  throughput: e(49.9, 0.2), utilization: e(0.75, 0.005), L: e(3.4), Lq: e(1.9), W: e(0.0688, 0.0016), Wq: e(0.0389, 0.0015),
  pWait: e(0.64), pBlock: e(0), pExpire: e(0), consumerCapacity: e(0.36), pOverflow: e(0), wait: p(0.15), sojourn: p(0.2),
  counts: { published: 10, acked: 10, redelivered: 0, expired: 0, deadLettered: 0, dropped: 0, inFlight: 0, delivered: 10, nacked: 0, deadLetteredByReason: { rejected: 0, maxlen: 0, delivery_limit: 0 } },
  steady: true, backlogGrowth: 0,
};

const noNumbersGoneWrong = (texts: string[]) => texts.forEach((t) => expect(t).not.toMatch(/NaN|Infinity|undefined|null/));

describe("headlineRows", () => {
  it("says there is no analytic model when there is none", () => {
    const rows = headlineRows({ simulated, analytic: null }, false);
    expect(rows.map((r) => r.kind)).toEqual(Array(7).fill("none"));
    expect(rows.find((r) => r.key === "consumerCapacity")!.simulated).toBe("36%");
    expect(rows[0]!.analytic).toBe("no analytic model");
    expect(rows.find((r) => r.key === "Wq")!.simulated).toBe("38.9 ± 1.5 ms");
    noNumbersGoneWrong(rows.flatMap((r) => [r.simulated, r.analytic]));
  });

  it("labels exact and approximate figures, and a figure the model does not give", () => {
    const exact = headlineRows({ simulated, analytic: { model: "M/M/2", exact: true, throughput: 50, utilization: 0.75, W: 0.0686, Wq: 0.0386 } }, false);
    expect(exact.find((r) => r.key === "Wq")).toMatchObject({ analytic: "38.6 ms", kind: "exact" });
    expect(exact.find((r) => r.key === "p99")).toMatchObject({ analytic: "not given by M/M/2", kind: "none" });
    const approx = headlineRows({ simulated, analytic: { model: "G/G/2 (Allen-Cunneen)", exact: false, Wq: 0.04, wait: { p99: 0.3 } } }, false);
    expect(approx.find((r) => r.key === "p99")).toMatchObject({ analytic: "300 ms", kind: "approximate" });
  });

  it("shows no steady number for an unstable queue, and never NaN or Infinity", () => {
    const analytic = { model: "M/M/1", exact: true, unstable: true, throughput: 10, utilization: 1, W: Infinity, Wq: null, wait: { p95: Infinity, p99: NaN } };
    const rows = headlineRows({ simulated: { ...simulated, W: e(NaN, NaN), steady: false }, analytic }, true);
    expect(rows.find((r) => r.key === "W")!.simulated).toBe("grows without bound");
    expect(rows.find((r) => r.key === "W")!.analytic).toBe("grows without bound");
    expect(rows.find((r) => r.key === "Wq")!.analytic).toBe("grows without bound");
    expect(rows.find((r) => r.key === "p99")!.kind).toBe("none");
    noNumbersGoneWrong(rows.flatMap((r) => [r.simulated, r.analytic]));
  });
});

describe("mmcWaitCdf", () => {
  it("is 1 - C exp(-(c mu - lambda) t) for M/M/c", () => {
    // M/M/2, lambda 50, mu 1/0.03: C = 0.6429 (Erlang C), c mu - lambda = 16.667/s, Wq = C / 16.667.
    const C = 0.6428571428571429;
    const cdf = mmcWaitCdf(readAnalytic({ model: "M/M/2", exact: true, pWait: C, Wq: C / (2 / 0.03 - 50) }))!;
    expect(cdf(0)).toBeCloseTo(1 - C, 12);
    expect(cdf(0.1)).toBeCloseTo(1 - C * Math.exp(-(2 / 0.03 - 50) * 0.1), 12);
  });

  it("is absent for approximations, finite-capacity models and unstable queues", () => {
    expect(mmcWaitCdf(readAnalytic({ model: "M/M/2/12", exact: true, pWait: 0.5, Wq: 0.1 }))).toBeNull();
    expect(mmcWaitCdf(readAnalytic({ model: "M/G/1", exact: false, pWait: 0.5, Wq: 0.1 }))).toBeNull();
    expect(mmcWaitCdf(readAnalytic({ model: "M/M/1", exact: true, unstable: true, pWait: 1, Wq: Infinity }))).toBeNull();
    expect(mmcWaitCdf(null)).toBeNull();
  });
});
